__kb("near/ry", "人员\try\t4\t14\n人员力量\tryll\t1\t0\n任用\try\t1\t0");
