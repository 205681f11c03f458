__kb("near/jf", "纠纷\tjf\t4\t8\n经费\tjf\t3\t4\n经费不足\tjfbz\t1\t0\n经费保障\tjfbz\t1\t1");
