__kb("near/ss", "三是\tss\t3\t6\n实施\tss\t2\t3\n实时\tss\t2\t2\n少数\tss\t5\t17\n少数民族\tssmz\t5\t16\n市属\tss\t2\t2\n设施\tss\t2\t2");
