__kb("near/td", "推动\ttd\t5\t19\n特点\ttd\t3\t6");
