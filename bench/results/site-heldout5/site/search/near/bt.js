__kb("near/bt", "不同\tbt\t2\t2\n补贴\tbt\t2\t2");
