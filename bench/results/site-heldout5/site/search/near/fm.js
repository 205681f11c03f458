__kb("near/fm", "方面\tfm\t4\t9");
