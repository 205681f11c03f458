__kb("near/jb", "举办\tjb\t3\t6\n基本\tjb\t3\t5\n进步\tjb\t4\t8");
