__kb("near/gm", "挂名\tgm\t2\t2\n规模\tgm\t2\t3\n购买\tgm\t2\t1");
