__kb("near/ej", "二级\tej\t2\t2");
