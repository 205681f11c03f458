__kb("near/wx", "微信\twx\t1\t1\n我乡\twx\t2\t3");
