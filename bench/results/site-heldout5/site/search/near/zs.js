__kb("near/zs", "值守\tzs\t2\t2\n扎实\tzs\t2\t3\n抓手\tzs\t2\t3\n招商引资\tzsyz\t1\t1\n知识\tzs\t5\t13\n知识分子\tzsfz\t5\t13\n知识分子工作\tzsfzgz\t2\t3\n自身\tzs\t3\t4\n至少\tzs\t3\t5\n重视\tzs\t3\t6");
