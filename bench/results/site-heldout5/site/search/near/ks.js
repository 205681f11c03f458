__kb("near/ks", "客室\tks\t2\t1\n开始\tks\t2\t2\n开设\tks\t3\t5\n快速\tks\t2\t2");
