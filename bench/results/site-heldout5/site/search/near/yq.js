__kb("near/yq", "仪器\tyq\t1\t0\n园区\tyq\t2\t4\n要求\tyq\t3\t5\n邀请\tyq\t3\t7");
