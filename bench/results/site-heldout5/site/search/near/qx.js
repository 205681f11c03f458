__kb("near/qx", "侨乡\tqx\t2\t2\n全乡\tqx\t4\t9\n全县\tqx\t4\t10\n清醒\tqx\t2\t3");
