__kb("near/lx", "理想信念\tlxxn\t1\t1\n留学\tlx\t1\t1\n联系\tlx\t5\t24\n联系不够\tlxbg\t1\t0\n联系服务\tlxfw\t4\t8\n轮训\tlx\t2\t2\n连续\tlx\t2\t2");
