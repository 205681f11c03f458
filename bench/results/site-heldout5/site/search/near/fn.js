__kb("near/fn", "逢年过节\tfngj\t2\t2");
