__kb("near/qs", "全市\tqs\t2\t1\n切身\tqs\t2\t2");
