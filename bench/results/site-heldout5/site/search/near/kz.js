__kb("near/kz", "开展\tkz\t6\t39\n看重\tkz\t2\t2");
