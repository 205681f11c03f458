__kb("near/fl", "分类\tfl\t2\t2\n法律\tfl\t3\t5\n法律咨询\tflzx\t2\t3");
