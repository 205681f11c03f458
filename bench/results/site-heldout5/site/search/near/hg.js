__kb("near/hg", "回归\thg\t3\t4\n回顾\thg\t2\t2");
