__kb("near/nq", "年轻\tnq\t4\t5\n年轻人\tnqr\t2\t2");
