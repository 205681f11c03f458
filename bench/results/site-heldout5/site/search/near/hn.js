__kb("near/hn", "很难\thn\t2\t2");
