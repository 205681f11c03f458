__kb("near/pt", "平台\tpt\t5\t17");
