__kb("near/xr", "想认\txr\t2\t2");
