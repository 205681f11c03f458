__kb("near/my", "每月\tmy\t3\t7\n民营\tmy\t3\t4\n民营企业\tmyqy\t3\t4\n没有\tmy\t3\t4\n没有制度\tmyzd\t1\t0\n没有抓手\tmyzs\t1\t0\n没有新意\tmyxy\t1\t0\n没有活动场所\tmyhdcs\t1\t0\n没有经费\tmyjf\t1\t0");
