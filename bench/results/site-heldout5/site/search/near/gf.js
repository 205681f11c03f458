__kb("near/gf", "光伏\tgf\t2\t2\n功夫\tgf\t4\t5\n规范\tgf\t2\t2\n规范化\tgfh\t2\t2");
