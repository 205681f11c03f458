__kb("near/qk", "情况\tqk\t5\t17");
