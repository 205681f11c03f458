__kb("near/hb", "后备\thb\t2\t2\n后备不足\thbbz\t1\t0\n后备力量\thbll\t1\t0\n后备干部\thbgb\t1\t0\n汇报\thb\t3\t4");
