__kb("near/kd", "看到\tkd\t2\t2\n肯定\tkd\t2\t2");
