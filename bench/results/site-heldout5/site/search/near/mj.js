__kb("near/mj", "每季\tmj\t3\t6\n每季度\tmjd\t3\t6\n民建\tmj\t1\t0\n民进\tmj\t1\t0");
