__kb("near/jd", "几点\tjd\t2\t2\n坚定\tjd\t2\t2\n季度\tjd\t3\t7\n接待\tjd\t3\t3\n结对\tjd\t3\t4\n街道\tjd\t4\t11\n觉得\tjd\t2\t3");
