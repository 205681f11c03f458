__kb("near/qm", "全面\tqm\t2\t2");
