__kb("near/lf", "来访\tlf\t2\t1");
