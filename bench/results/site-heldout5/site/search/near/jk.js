__kb("near/jk", "加快\tjk\t2\t3");
