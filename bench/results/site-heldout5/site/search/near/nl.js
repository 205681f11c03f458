__kb("near/nl", "努力\tnl\t3\t5\n年来\tnl\t3\t15\n年龄\tnl\t2\t3\n能力\tnl\t4\t7");
