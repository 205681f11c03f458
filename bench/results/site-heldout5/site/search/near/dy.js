__kb("near/dy", "单一\tdy\t2\t2\n多元\tdy\t3\t4\n待遇\tdy\t1\t1\n第一\tdy\t3\t4\n调研\tdy\t4\t9");
