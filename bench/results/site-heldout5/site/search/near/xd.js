__kb("near/xd", "乡党\txd\t3\t6\n乡党委\txdw\t3\t6\n修订\txd\t2\t3\n心得\txd\t2\t2\n新的社会阶层\txdshjc\t2\t2\n相对\txd\t2\t2\n行动\txd\t3\t5");
