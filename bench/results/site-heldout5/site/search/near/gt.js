__kb("near/gt", "个体\tgt\t2\t2\n共同\tgt\t3\t6\n共同体\tgtt\t2\t3");
