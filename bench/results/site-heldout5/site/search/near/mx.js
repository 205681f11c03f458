__kb("near/mx", "明显\tmx\t3\t6\n迷信\tmx\t1\t0");
