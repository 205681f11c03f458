__kb("near/cs", "充实\tcs\t2\t3\n场所\tcs\t5\t16");
