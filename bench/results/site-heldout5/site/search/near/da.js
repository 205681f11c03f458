__kb("near/da", "档案\tda\t3\t4");
