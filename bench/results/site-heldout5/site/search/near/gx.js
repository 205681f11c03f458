__kb("near/gx", "关系\tgx\t2\t2\n刚性\tgx\t1\t1\n各乡\tgx\t3\t4\n各乡镇\tgxz\t3\t4\n各项\tgx\t3\t5\n各项工作\tgxgz\t3\t4\n更新\tgx\t3\t4\n高校\tgx\t3\t5\n高校统战\tgxtz\t1\t1");
