__kb("near/cg", "参观学习\tcgxx\t1\t0\n成功\tcg\t2\t2\n成果\tcg\t3\t2\n村干部\tcgb\t2\t1\n超过\tcg\t2\t2");
