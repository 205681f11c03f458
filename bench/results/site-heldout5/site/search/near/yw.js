__kb("near/yw", "业务\tyw\t3\t4\n业务水平\tywsp\t1\t0\n业务知识\tywzs\t1\t0\n余万\tyw\t2\t3\n余万元\tywy\t2\t3\n因为\tyw\t2\t2");
