__kb("near/zw", "作为\tzw\t3\t4\n周围\tzw\t2\t2\n在外\tzw\t4\t10\n在外乡贤\tzwxx\t3\t5\n掌握\tzw\t3\t3");
