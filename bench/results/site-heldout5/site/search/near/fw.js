__kb("near/fw", "服务\tfw\t7\t49\n服务中心\tfwzx\t2\t2\n服务中心大局\tfwzxdj\t1\t1\n服务发展\tfwfz\t1\t1\n服务团\tfwt\t4\t10\n服务站\tfwz\t2\t2\n服务管理\tfwgl\t3\t5\n服务队\tfwd\t2\t2\n氛围\tfw\t2\t1\n范文\tfw\t2\t3");
