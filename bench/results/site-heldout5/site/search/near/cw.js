__kb("near/cw", "成为\tcw\t2\t2\n财务\tcw\t2\t1");
