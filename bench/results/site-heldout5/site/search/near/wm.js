__kb("near/wm", "我们\twm\t5\t13");
