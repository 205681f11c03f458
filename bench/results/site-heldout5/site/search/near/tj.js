__kb("near/tj", "团结\ttj\t5\t16\n推荐\ttj\t2\t2\n推进\ttj\t3\t5\n条件\ttj\t2\t3\n条件差\ttjc\t1\t0\n调解\ttj\t5\t14");
