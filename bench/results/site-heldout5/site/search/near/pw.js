__kb("near/pw", "评为\tpw\t2\t2");
