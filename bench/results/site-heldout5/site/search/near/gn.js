__kb("near/gn", "观念\tgn\t1\t1");
