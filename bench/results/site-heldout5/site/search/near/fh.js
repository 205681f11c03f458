__kb("near/fh", "分会\tfh\t3\t3\n发挥\tfh\t4\t10\n范化\tfh\t2\t2");
