__kb("near/qq", "侨情\tqq\t2\t2\n全区\tqq\t2\t2\n千企帮千村\tqqbqc\t1\t0\n缺钱\tqq\t1\t0");
