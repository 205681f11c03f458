__kb("near/cj", "创建\tcj\t4\t9\n参加\tcj\t4\t13\n差距\tcj\t3\t5\n成绩\tcj\t2\t2\n春节\tcj\t2\t3\n村级\tcj\t4\t10\n筹集\tcj\t2\t2\n触角\tcj\t2\t3\n车间\tcj\t2\t2");
