__kb("near/zh", "中华\tzh\t2\t3\n中华民族\tzhmz\t2\t3\n做好\tzh\t4\t9\n最后\tzh\t2\t2\n滞后\tzh\t2\t2\n综合\tzh\t2\t2\n转化\tzh\t2\t3");
