__kb("near/yg", "一个\tyg\t3\t6\n严格\tyg\t3\t4\n用工\tyg\t2\t2");
