__kb("near/nh", "农户\tnh\t2\t2");
