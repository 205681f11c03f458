__kb("near/lh", "例会\tlh\t1\t1\n联合\tlh\t4\t8");
