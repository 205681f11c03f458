__kb("near/tc", "停车\ttc\t2\t3\n提出\ttc\t3\t4\n突出\ttc\t2\t2\n调处\ttc\t2\t2");
