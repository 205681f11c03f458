__kb("near/kp", "考评\tkp\t2\t2");
