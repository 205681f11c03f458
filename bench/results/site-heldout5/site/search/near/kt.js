__kb("near/kt", "开拓\tkt\t1\t1\n恳谈\tkt\t2\t3\n恳谈会\tkth\t2\t3\n课堂\tkt\t2\t3");
