__kb("near/dc", "对策\tdc\t2\t3\n当成\tdc\t2\t2\n得成\tdc\t3\t5\n督查\tdc\t1\t0\n调查\tdc\t3\t4");
