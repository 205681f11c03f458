__kb("near/xa", "献爱心\txax\t1\t0");
