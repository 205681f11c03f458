__kb("near/dq", "地区\tdq\t2\t3\n定期\tdq\t2\t2");
