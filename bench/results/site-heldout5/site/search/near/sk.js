__kb("near/sk", "思考\tsk\t3\t4\n深刻\tsk\t2\t3");
