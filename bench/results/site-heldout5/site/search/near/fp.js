__kb("near/fp", "扶贫\tfp\t1\t1");
