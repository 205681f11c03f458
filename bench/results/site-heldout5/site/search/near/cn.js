__kb("near/cn", "常年\tcn\t2\t2\n才能\tcn\t2\t3");
