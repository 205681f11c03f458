__kb("near/sn", "三年\tsn\t4\t8");
