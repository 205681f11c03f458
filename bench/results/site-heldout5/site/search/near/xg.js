__kb("near/xg", "下功夫\txgf\t3\t3\n寻根\txg\t2\t2");
