__kb("near/tm", "他们\ttm\t3\t4");
