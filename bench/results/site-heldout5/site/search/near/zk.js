__kb("near/zk", "召开\tzk\t4\t8\n状况\tzk\t2\t3\n章可循\tzkx\t1\t0");
