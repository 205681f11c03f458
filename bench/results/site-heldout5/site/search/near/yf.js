__kb("near/yf", "一方\tyf\t3\t2\n一方面\tyfm\t3\t2\n依法\tyf\t3\t5");
