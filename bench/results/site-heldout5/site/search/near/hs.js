__kb("near/hs", "夯实\ths\t2\t3\n还是\ths\t2\t2");
