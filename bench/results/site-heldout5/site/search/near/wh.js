__kb("near/wh", "文化\twh\t3\t2\n文化建设\twhjs\t1\t0\n文化活动\twhhd\t1\t1\n文化阵地\twhzd\t1\t1");
