__kb("near/de", "第二\tde\t2\t3");
