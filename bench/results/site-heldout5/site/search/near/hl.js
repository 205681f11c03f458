__kb("near/hl", "合力\thl\t2\t2\n活力\thl\t1\t1");
