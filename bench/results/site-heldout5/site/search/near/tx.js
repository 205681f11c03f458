__kb("near/tx", "体系\ttx\t2\t2\n同心\ttx\t6\t29\n同心圆\ttxy\t2\t2\n推行\ttx\t2\t3\n谈心\ttx\t2\t3\n退休\ttx\t3\t4\n退休干部\ttxgb\t2\t2");
