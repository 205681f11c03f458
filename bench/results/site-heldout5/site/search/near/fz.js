__kb("near/fz", "分子\tfz\t5\t13\n发展\tfz\t5\t17\n放在\tfz\t2\t2\n负责\tfz\t4\t8\n负责人\tfzr\t3\t4");
