__kb("near/gg", "公共\tgg\t2\t3\n公共事务\tggsw\t2\t2\n巩固\tgg\t2\t2\n归国\tgg\t1\t0\n挂钩\tgg\t2\t2\n攻关\tgg\t2\t2\n骨干\tgg\t3\t4");
