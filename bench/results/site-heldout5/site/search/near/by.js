__kb("near/by", "标语\tby\t1\t0");
