__kb("near/wr", "万人\twr\t3\t4\n围绕\twr\t3\t6\n外人\twr\t5\t22");
