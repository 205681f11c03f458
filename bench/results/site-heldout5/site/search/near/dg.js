__kb("near/dg", "党工\tdg\t3\t5\n党工委\tdgw\t3\t5\n多个\tdg\t2\t3");
