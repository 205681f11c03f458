__kb("near/hk", "会客\thk\t2\t1\n会客室\thks\t2\t1");
