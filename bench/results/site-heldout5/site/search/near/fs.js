__kb("near/fs", "分属\tfs\t2\t2\n分散\tfs\t2\t3\n发生\tfs\t3\t5\n方式\tfs\t4\t8\n方式方法\tfsff\t2\t2");
