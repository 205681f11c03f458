__kb("near/bx", "必修课\tbxk\t1\t0\n必须\tbx\t2\t2");
