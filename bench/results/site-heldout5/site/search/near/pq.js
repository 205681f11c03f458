__kb("near/pq", "聘请\tpq\t2\t2\n配齐\tpq\t2\t2");
