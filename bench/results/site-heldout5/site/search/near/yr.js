__kb("near/yr", "一人多岗\tyrdg\t1\t0\n余人\tyr\t3\t11\n余人次\tyrc\t3\t6\n有人\tyr\t2\t1");
