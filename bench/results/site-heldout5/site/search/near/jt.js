__kb("near/jt", "交通\tjt\t4\t6\n交通职业\tjtzy\t3\t5\n具体\tjt\t3\t5\n家庭\tjt\t2\t3\n教堂\tjt\t3\t4\n教徒\tjt\t1\t0\n津贴\tjt\t1\t0\n讲堂\tjt\t3\t3\n集体\tjt\t2\t3\n集体经济\tjtjj\t2\t2\n集团\tjt\t4\t9");
