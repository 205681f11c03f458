__kb("near/zr", "做人\tzr\t2\t2\n责人\tzr\t3\t4\n责任\tzr\t4\t9\n责任制\tzrz\t2\t2");
