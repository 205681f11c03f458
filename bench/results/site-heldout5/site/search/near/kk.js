__kb("near/kk", "开阔\tkk\t2\t2");
