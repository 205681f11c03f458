__kb("near/xq", "小区\txq\t3\t5\n辖区\txq\t4\t7\n需求\txq\t2\t3");
