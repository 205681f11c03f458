__kb("near/wc", "外出\twc\t2\t3\n完成\twc\t2\t3\n温差\twc\t2\t2");
