__kb("near/aq", "安全\taq\t4\t7\n安全事故\taqsg\t2\t2\n安全隐患\taqyh\t2\t2");
