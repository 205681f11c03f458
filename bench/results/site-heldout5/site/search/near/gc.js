__kb("near/gc", "个村\tgc\t3\t6\n光彩事业\tgcsy\t1\t1\n岗村\tgc\t3\t4\n工程\tgc\t3\t4");
