__kb("near/qr", "确认\tqr\t2\t1");
