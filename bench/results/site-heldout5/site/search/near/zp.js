__kb("near/zp", "制品\tzp\t2\t3");
