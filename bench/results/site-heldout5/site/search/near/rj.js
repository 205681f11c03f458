__kb("near/rj", "人均\trj\t2\t3");
