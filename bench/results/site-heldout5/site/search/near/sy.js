__kb("near/sy", "使用\tsy\t2\t2\n善于\tsy\t2\t2\n私营\tsy\t1\t0\n视野\tsy\t2\t2\n适应\tsy\t2\t3");
