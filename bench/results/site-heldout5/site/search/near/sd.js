__kb("near/sd", "十多\tsd\t2\t2\n手段\tsd\t3\t4\n时代\tsd\t3\t4");
