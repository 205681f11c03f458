__kb("near/bm", "部门\tbm\t3\t5");
