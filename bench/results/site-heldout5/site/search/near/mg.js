__kb("near/mg", "民革\tmg\t1\t0");
