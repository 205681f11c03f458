__kb("near/yb", "一把手\tybs\t1\t0\n一步\tyb\t4\t11");
