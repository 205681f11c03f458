__kb("near/xt", "协调\txt\t3\t5\n系统\txt\t3\t4");
