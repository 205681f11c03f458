__kb("near/mq", "摸清\tmq\t2\t2\n明确\tmq\t4\t10\n民企\tmq\t1\t0\n没钱\tmq\t1\t0\n目前\tmq\t2\t2");
