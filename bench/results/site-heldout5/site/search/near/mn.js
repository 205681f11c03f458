__kb("near/mn", "明年\tmn\t2\t2\n每年\tmn\t3\t5");
