__kb("near/xl", "修路\txl\t2\t2");
