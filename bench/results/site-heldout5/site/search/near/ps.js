__kb("near/ps", "平时\tps\t2\t3");
