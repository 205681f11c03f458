__kb("near/bh", "不会创新\tbhcx\t1\t0\n变化\tbh\t3\t4");
