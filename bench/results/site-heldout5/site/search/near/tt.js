__kb("near/tt", "同体\ttt\t2\t3");
