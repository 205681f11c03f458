__kb("near/sr", "收入\tsr\t2\t2\n深入\tsr\t4\t8\n深入开展\tsrkz\t2\t2\n虽然\tsr\t2\t2");
