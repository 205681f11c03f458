__kb("near/qb", "侨胞\tqb\t4\t8\n全部\tqb\t3\t6\n确保\tqb\t2\t3\n钱不够\tqbg\t1\t0");
