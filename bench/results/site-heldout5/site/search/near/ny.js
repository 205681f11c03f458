__kb("near/ny", "农业\tny\t2\t3\n能源\tny\t3\t3\n难以\tny\t3\t4");
