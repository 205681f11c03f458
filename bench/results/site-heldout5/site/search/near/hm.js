__kb("near/hm", "和睦\thm\t1\t1");
