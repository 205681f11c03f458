__kb("near/wd", "稳定\twd\t4\t12\n稳定性\twdx\t1\t1");
