__kb("near/ms", "墨守成规\tmscg\t1\t0\n门市\tms\t2\t3");
