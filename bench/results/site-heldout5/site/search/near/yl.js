__kb("near/yl", "以来\tyl\t4\t8\n引力\tyl\t2\t3\n引领\tyl\t4\t13");
