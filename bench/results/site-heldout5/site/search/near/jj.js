__kb("near/jj", "借鉴\tjj\t2\t3\n坚决\tjj\t2\t2\n就近\tjj\t2\t2\n积极\tjj\t3\t5\n积极争取\tjjzq\t2\t2\n积极性\tjjx\t2\t2\n经济\tjj\t5\t17\n经济发展\tjjfz\t1\t0\n经济社会\tjjsh\t3\t4\n解决\tjj\t4\t9");
