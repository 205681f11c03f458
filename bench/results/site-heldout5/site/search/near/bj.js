__kb("near/bj", "办结\tbj\t2\t2\n比较\tbj\t4\t8\n背景\tbj\t3\t4");
