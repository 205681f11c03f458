__kb("near/ht", "合同\tht\t2\t2");
