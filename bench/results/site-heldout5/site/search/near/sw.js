__kb("near/sw", "事务\tsw\t4\t11\n事务局\tswj\t2\t2\n尚未\tsw\t2\t2");
