__kb("near/fc", "分成\tfc\t2\t2");
