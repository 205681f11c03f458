__kb("near/xw", "县委\txw\t3\t3");
