__kb("near/zg", "专干\tzg\t2\t3\n主观\tzg\t2\t3\n整改\tzg\t2\t2\n职工\tzg\t4\t9");
