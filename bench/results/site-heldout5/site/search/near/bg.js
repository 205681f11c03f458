__kb("near/bg", "不够\tbg\t5\t19\n不高\tbg\t3\t5\n办公\tbg\t2\t2\n办公条件\tbgtj\t1\t1\n办公经费\tbgjf\t1\t0\n报告\tbg\t4\t8");
