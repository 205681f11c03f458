__kb("near/sz", "三字\tsz\t2\t2\n数字\tsz\t2\t2\n素质\tsz\t2\t2\n述职\tsz\t2\t3\n随着\tsz\t3\t4");
