__kb("near/ys", "一室\tys\t2\t2\n一是\tys\t3\t7\n与时俱进\tysjj\t1\t0\n以上\tys\t4\t9\n因素\tys\t2\t1\n延伸\tys\t3\t5\n意识\tys\t3\t5\n议事\tys\t4\t8\n议事会\tysh\t2\t2\n议事日程\tysrc\t1\t0\n预算\tys\t1\t0");
