__kb("near/bf", "办法\tbf\t3\t6\n帮扶\tbf\t3\t3\n部分\tbf\t5\t16");
