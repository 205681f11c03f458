__kb("near/fy", "副业\tfy\t1\t0\n反映\tfy\t2\t2\n发言\tfy\t2\t3");
