__kb("near/rc", "人才\trc\t3\t6\n人次\trc\t4\t11\n日常\trc\t3\t4");
