__kb("near/qz", "侨资\tqz\t2\t2\n全镇\tqz\t3\t6\n其中\tqz\t4\t10\n群众\tqz\t5\t17\n群众不了解\tqzblj\t1\t0\n齐抓共管\tqzgg\t1\t0");
