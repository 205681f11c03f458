__kb("near/mr", "没人干活\tmrgh\t1\t0\n没人知道\tmrzd\t1\t0");
