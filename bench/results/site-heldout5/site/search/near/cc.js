__kb("near/cc", "场次\tcc\t2\t2\n常常\tcc\t2\t2");
