__kb("near/rq", "人情味\trqw\t1\t0\n燃气\trq\t2\t2");
