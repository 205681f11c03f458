__kb("near/cf", "充分\tcf\t2\t3");
