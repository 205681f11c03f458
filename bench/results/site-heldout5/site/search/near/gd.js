__kb("near/gd", "固定\tgd\t2\t3\n工大\tgd\t3\t4\n感到\tgd\t2\t3\n轨道\tgd\t2\t2\n轨道交通\tgdjt\t2\t2\n高度\tgd\t2\t3");
