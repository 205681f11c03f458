__kb("near/ap", "安排\tap\t3\t5");
