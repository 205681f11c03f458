__kb("near/bz", "不足\tbz\t4\t11\n不重视\tbzs\t1\t0\n保障\tbz\t3\t4\n帮助\tbz\t3\t4\n标准\tbz\t2\t2\n班子\tbz\t3\t4\n编制\tbz\t2\t2");
