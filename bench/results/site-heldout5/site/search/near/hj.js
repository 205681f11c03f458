__kb("near/hj", "化解矛盾\thjmd\t1\t0\n环境\thj\t2\t2");
