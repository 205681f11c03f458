__kb("near/qd", "取得\tqd\t4\t13\n取得成效\tqdcx\t3\t5\n清单\tqd\t3\t1\n渠道\tqd\t3\t7\n签订\tqd\t2\t2");
