__kb("near/rw", "任务\trw\t4\t13\n认为\trw\t2\t3");
