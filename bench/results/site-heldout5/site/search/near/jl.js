__kb("near/jl", "交流\tjl\t4\t9\n建立\tjl\t5\t24\n聚力\tjl\t2\t3");
