__kb("near/qt", "牵头\tqt\t3\t4\n群体\tqt\t3\t3");
