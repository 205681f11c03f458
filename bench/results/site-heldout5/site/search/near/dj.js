__kb("near/dj", "党建\tdj\t3\t4\n党建与思想引领\tdjysxyl\t1\t1\n党建带统战\tdjdtz\t1\t1\n大家\tdj\t3\t6\n大局\tdj\t2\t2\n对接\tdj\t2\t2\n搭建\tdj\t3\t5\n登记\tdj\t3\t5\n调解员\tdjy\t3\t4");
