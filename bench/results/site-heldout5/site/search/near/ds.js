__kb("near/ds", "底数\tds\t3\t5\n打算\tds\t2\t3\n电商\tds\t2\t2\n第三\tds\t2\t3");
