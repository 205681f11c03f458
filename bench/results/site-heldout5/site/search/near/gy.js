__kb("near/gy", "公有\tgy\t3\t6\n公有制\tgyz\t3\t6\n公益\tgy\t1\t1\n共有\tgy\t2\t2\n关于\tgy\t2\t2\n工业\tgy\t2\t2\n工艺\tgy\t2\t2");
