__kb("near/pp", "品牌\tpp\t1\t0\n批评\tpp\t2\t2\n批评指正\tppzz\t2\t2");
