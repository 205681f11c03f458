__kb("near/sm", "上门\tsm\t2\t1");
