__kb("near/jg", "几个\tjg\t2\t2\n加工\tjg\t2\t3\n建功\tjg\t2\t2\n建功立业\tjgly\t2\t2\n机关\tjg\t2\t2\n监管\tjg\t2\t2\n结构\tjg\t3\t4\n结果\tjg\t2\t2");
