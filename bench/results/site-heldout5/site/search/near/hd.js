__kb("near/hd", "很多\thd\t2\t3\n活动\thd\t6\t45\n活动场所\thdcs\t5\t16\n活动室\thds\t1\t1");
