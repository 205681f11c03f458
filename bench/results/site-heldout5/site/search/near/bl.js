__kb("near/bl", "办理\tbl\t3\t6\n本领\tbl\t3\t4");
