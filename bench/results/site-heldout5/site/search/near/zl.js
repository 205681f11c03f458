__kb("near/zl", "专栏\tzl\t1\t0\n治理\tzl\t4\t10\n筑牢\tzl\t2\t2\n铸牢\tzl\t2\t3\n镇里\tzl\t2\t2");
