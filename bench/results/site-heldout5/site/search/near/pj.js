__kb("near/pj", "平均\tpj\t2\t2\n配角\tpj\t1\t0");
