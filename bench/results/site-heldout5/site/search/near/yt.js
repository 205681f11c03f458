__kb("near/yt", "一团\tyt\t2\t2\n依托\tyt\t3\t7\n研讨\tyt\t2\t2");
