__kb("near/yh", "以和为\tyhw\t1\t0\n优化\tyh\t2\t3\n硬化\tyh\t2\t2\n隐患\tyh\t2\t2");
