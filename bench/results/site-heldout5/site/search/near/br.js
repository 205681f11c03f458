__kb("near/br", "薄弱\tbr\t3\t5");
