__kb("near/lz", "力争\tlz\t3\t4\n履职\tlz\t2\t2");
