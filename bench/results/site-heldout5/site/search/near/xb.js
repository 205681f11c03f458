__kb("near/xb", "相比\txb\t2\t3\n选拔\txb\t1\t1");
