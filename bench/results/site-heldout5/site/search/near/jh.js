__kb("near/jh", "今后\tjh\t2\t3\n结合\tjh\t3\t4\n计划\tjh\t2\t3");
