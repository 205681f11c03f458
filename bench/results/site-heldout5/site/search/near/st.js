__kb("near/st", "渗透\tst\t1\t0");
