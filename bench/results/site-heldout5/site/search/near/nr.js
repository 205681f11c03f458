__kb("near/nr", "内容\tnr\t3\t6\n纳入\tnr\t4\t12\n能人\tnr\t2\t4");
