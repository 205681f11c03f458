__kb("near/bd", "不到\tbd\t2\t5\n不懂政策\tbdzc\t1\t0\n不断\tbd\t3\t5\n报道\tbd\t1\t0");
