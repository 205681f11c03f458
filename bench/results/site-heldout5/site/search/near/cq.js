__kb("near/cq", "采取\tcq\t2\t2\n长期\tcq\t2\t2");
