__kb("near/wy", "万元\twy\t4\t10\n位于\twy\t2\t2\n外语\twy\t2\t2\n委员\twy\t4\t14\n委员会\twyh\t2\t3\n物业\twy\t2\t3");
