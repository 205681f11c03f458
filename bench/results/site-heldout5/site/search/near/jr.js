__kb("near/jr", "加入\tjr\t2\t2\n节日\tjr\t2\t3");
