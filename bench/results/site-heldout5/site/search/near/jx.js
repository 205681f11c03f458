__kb("near/jx", "家乡\tjx\t3\t4\n教学\tjx\t3\t6\n教学科研\tjxky\t2\t2\n机械\tjx\t3\t4\n极性\tjx\t2\t2\n绩效\tjx\t2\t2\n绩效考核\tjxkh\t2\t1\n进行\tjx\t2\t3");
