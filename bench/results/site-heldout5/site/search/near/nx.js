__kb("near/nx", "凝心\tnx\t2\t3");
