__kb("near/rx", "入学\trx\t3\t4\n如下\trx\t3\t5");
