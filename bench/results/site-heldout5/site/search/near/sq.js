__kb("near/sq", "山区\tsq\t2\t2\n社区\tsq\t5\t20\n诉求\tsq\t3\t5\n说起重要\tsqzy\t1\t0");
