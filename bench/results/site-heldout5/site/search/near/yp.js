__kb("near/yp", "一票否决\typfj\t1\t1");
