__kb("near/bs", "不少\tbs\t3\t7\n摆上\tbs\t1\t0\n表示\tbs\t2\t2\n部署\tbs\t2\t3");
