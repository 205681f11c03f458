__kb("near/wz", "为主\twz\t3\t6\n我镇\twz\t3\t7\n无章可循\twzkx\t1\t0\n网站\twz\t1\t0");
