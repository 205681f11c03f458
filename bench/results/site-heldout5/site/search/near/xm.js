__kb("near/xm", "下面\txm\t3\t4\n项目\txm\t5\t13");
