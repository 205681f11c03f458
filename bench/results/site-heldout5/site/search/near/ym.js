__kb("near/ym", "一名\tym\t2\t3");
