__kb("near/tr", "投入\ttr\t1\t0");
