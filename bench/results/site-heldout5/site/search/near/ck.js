__kb("near/ck", "参考\tck\t2\t2");
