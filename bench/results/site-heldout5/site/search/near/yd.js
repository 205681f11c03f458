__kb("near/yd", "引导\tyd\t3\t7\n赢得\tyd\t2\t2");
