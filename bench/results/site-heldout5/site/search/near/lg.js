__kb("near/lg", "理工\tlg\t3\t4\n理工大\tlgd\t3\t4\n理工大学\tlgdx\t3\t4");
