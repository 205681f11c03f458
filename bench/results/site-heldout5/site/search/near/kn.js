__kb("near/kn", "困难\tkn\t3\t6");
