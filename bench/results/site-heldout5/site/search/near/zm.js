__kb("near/zm", "怎么交朋友\tzmjpy\t1\t0\n怎么学习\tzmxx\t1\t0\n织密\tzm\t2\t2");
