__kb("near/fd", "发动\tfd\t2\t2\n辅导\tfd\t2\t2");
