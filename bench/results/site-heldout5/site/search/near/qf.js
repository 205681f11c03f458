__kb("near/qf", "全覆盖\tqfg\t1\t1\n缺乏\tqf\t3\t4\n缺乏创新\tqfcx\t1\t0");
