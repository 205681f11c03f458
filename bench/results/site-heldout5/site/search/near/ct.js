__kb("near/ct", "传统\tct\t3\t4\n畅通\tct\t2\t3");
