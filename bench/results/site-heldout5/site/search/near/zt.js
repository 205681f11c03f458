__kb("near/zt", "专题\tzt\t3\t7\n主题\tzt\t3\t3\n主题党日\tztdr\t1\t0\n座谈\tzt\t3\t6\n座谈会\tzth\t3\t5\n总体\tzt\t2\t2\n载体\tzt\t3\t3");
