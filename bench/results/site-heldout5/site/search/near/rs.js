__kb("near/rs", "人士\trs\t6\t44\n人少事多\trssd\t1\t0\n人手\trs\t1\t0\n人手不够\trsbg\t1\t0\n人手不足\trsbz\t1\t0\n认识\trs\t4\t10\n认识不到位\trsbdw\t1\t0");
