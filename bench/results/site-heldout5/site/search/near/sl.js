__kb("near/sl", "数量\tsl\t2\t3\n石榴\tsl\t3\t3\n设立\tsl\t3\t6");
