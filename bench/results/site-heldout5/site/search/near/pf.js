__kb("near/pf", "平方\tpf\t2\t2");
