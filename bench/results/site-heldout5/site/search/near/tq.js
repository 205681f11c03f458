__kb("near/tq", "听取\ttq\t2\t2");
