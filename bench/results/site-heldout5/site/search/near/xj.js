__kb("near/xj", "信教\txj\t3\t3\n信教的人多\txjdrd\t1\t0\n县级\txj\t3\t5\n新进展\txjz\t2\t2\n新阶层\txjc\t4\t9\n新阶层人士\txjcrs\t4\t7\n献计献策\txjxc\t1\t0\n现将\txj\t3\t4");
