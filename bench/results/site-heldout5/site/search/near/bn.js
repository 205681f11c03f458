__kb("near/bn", "不能\tbn\t2\t2\n半年\tbn\t4\t8");
