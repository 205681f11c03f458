__kb("near/yy", "亿元\tyy\t2\t3\n原因\tyy\t4\t10\n愿意\tyy\t2\t1\n运用\tyy\t2\t3");
