__kb("near/yj", "余件\tyj\t2\t2\n余家\tyj\t2\t2\n已经\tyj\t2\t2\n引进\tyj\t3\t5\n意见\tyj\t4\t9\n意见建议\tyjjy\t3\t6\n研究\tyj\t4\t9");
