__kb("near/xs", "协商\txs\t4\t7\n学生\txs\t2\t2\n形势\txs\t3\t4\n形式\txs\t2\t3\n新思路\txsl\t1\t0\n新生\txs\t3\t6\n新生代\txsd\t3\t6\n线上\txs\t4\t7\n线上联络\txsll\t3\t3");
