__kb("near/rd", "人大代表\trddb\t1\t1");
