__kb("near/zc", "之窗\tzc\t1\t0\n支持\tzc\t3\t5\n政策\tzc\t5\t15\n政策法规\tzcfg\t2\t2\n组成\tzc\t3\t6\n组成部分\tzcbf\t2\t2\n职称\tzc\t2\t3\n这次\tzc\t2\t3");
