__kb("near/xh", "相互\txh\t2\t2");
