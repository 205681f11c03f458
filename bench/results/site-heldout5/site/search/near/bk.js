__kb("near/bk", "报刊\tbk\t1\t0\n本科\tbk\t2\t2");
