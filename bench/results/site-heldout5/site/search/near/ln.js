__kb("near/ln", "两年\tln\t3\t6");
