__kb("near/jq", "健全\tjq\t2\t2\n加强\tjq\t4\t9\n江区\tjq\t3\t6\n究其\tjq\t2\t3\n究其原因\tjqyy\t2\t3");
