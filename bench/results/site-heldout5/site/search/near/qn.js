__kb("near/qn", "全年\tqn\t4\t13\n青年\tqn\t3\t6");
