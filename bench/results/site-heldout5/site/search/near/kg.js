__kb("near/kg", "客观\tkg\t3\t5\n客观条件\tkgtj\t2\t2");
