__kb("near/qc", "全村\tqc\t2\t3\n其次\tqc\t2\t2\n汽车\tqc\t2\t2");
