__kb("near/tg", "托管\ttg\t2\t1\n推广\ttg\t2\t2\n提供\ttg\t3\t4\n提高\ttg\t3\t6\n通过\ttg\t3\t6");
