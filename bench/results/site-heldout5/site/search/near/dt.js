__kb("near/dt", "动态\tdt\t2\t3");
