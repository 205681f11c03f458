__kb("near/tp", "脱贫攻坚\ttpgj\t1\t0");
