__kb("near/lj", "两级\tlj\t3\t4\n理解\tlj\t2\t3\n累计\tlj\t3\t6\n落脚点\tljd\t1\t0");
