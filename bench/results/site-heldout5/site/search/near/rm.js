__kb("near/rm", "人民\trm\t2\t2");
