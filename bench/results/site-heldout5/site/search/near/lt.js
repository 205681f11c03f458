__kb("near/lt", "老同志\tltz\t2\t2");
