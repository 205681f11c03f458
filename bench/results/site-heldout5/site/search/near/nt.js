__kb("near/nt", "难题\tnt\t3\t4");
