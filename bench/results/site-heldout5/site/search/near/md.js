__kb("near/md", "矛盾\tmd\t3\t5\n面对\tmd\t2\t2\n面对面\tmdm\t2\t2");
