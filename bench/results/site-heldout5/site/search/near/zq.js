__kb("near/zq", "争取\tzq\t3\t4\n周期\tzq\t2\t2\n族群\tzq\t2\t5\n正确\tzq\t2\t2");
