__kb("near/qh", "强化\tqh\t2\t3");
