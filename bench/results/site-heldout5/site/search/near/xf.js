__kb("near/xf", "消防\txf\t2\t3");
