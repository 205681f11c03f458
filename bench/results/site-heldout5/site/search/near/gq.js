__kb("near/gq", "归侨\tgq\t3\t7\n归侨侨眷\tgqqj\t3\t7\n感情\tgq\t2\t2\n过去\tgq\t3\t5");
