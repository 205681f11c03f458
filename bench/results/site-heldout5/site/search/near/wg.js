__kb("near/wg", "务工\twg\t4\t11\n务工人员\twgry\t2\t2\n网格\twg\t5\t13\n网格化\twgh\t2\t3");
