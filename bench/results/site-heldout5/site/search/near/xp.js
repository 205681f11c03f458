__kb("near/xp", "选聘\txp\t2\t2");
