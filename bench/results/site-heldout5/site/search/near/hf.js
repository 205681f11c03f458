__kb("near/hf", "会费\thf\t2\t2");
