__kb("near/sc", "市场\tsc\t2\t2");
