__kb("near/lc", "翎川\tlc\t4\t6");
