__kb("near/es", "二是\tes\t3\t7");
