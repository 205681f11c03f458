__kb("near/tl", "停留\ttl\t3\t4");
