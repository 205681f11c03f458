__kb("near/nj", "凝聚\tnj\t2\t3\n凝聚力\tnjl\t1\t0");
