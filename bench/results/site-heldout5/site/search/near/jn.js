__kb("near/jn", "今年\tjn\t4\t11\n今年以来\tjnyl\t3\t6\n技能\tjn\t2\t2\n近年\tjn\t3\t6\n近年来\tjnl\t3\t6");
