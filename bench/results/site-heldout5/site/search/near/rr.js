__kb("near/rr", "融入\trr\t3\t4\n软任务\trrw\t1\t1");
