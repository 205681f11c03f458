__kb("near/hz", "合作\thz\t2\t3\n合作社\thzs\t2\t2");
