__kb("near/wt", "问题\twt\t5\t23");
