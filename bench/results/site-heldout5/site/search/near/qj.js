__kb("near/qj", "侨眷\tqj\t3\t7");
