__kb("near/nd", "年度\tnd\t3\t5");
