__kb("near/bc", "保持\tbc\t2\t2");
