__kb("near/lw", "两委\tlw\t2\t2");
