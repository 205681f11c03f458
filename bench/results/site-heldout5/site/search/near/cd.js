__kb("near/cd", "场地\tcd\t1\t0\n承担\tcd\t2\t2\n程度\tcd\t3\t5");
