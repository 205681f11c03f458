__kb("near/th", "体会\tth\t4\t9\n谈话\tth\t1\t0");
