__kb("near/ww", "往往\tww\t2\t2");
