__kb("near/gr", "工人\tgr\t2\t2\n工人员\tgry\t2\t2");
