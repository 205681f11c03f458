__kb("near/dp", "党派\tdp\t3\t5");
