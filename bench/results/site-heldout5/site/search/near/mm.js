__kb("near/mm", "民盟\tmm\t1\t0");
