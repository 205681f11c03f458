__kb("near/xn", "吸纳\txn\t2\t2\n新农村\txnc\t1\t0");
