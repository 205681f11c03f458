__kb("near/sb", "三胞\tsb\t1\t0\n上半\tsb\t3\t5\n上半年\tsbn\t3\t5\n手臂\tsb\t1\t0\n设备\tsb\t1\t1");
