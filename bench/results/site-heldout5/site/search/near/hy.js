__kb("near/hy", "会员\thy\t3\t3\n会议\thy\t3\t7\n回应\thy\t2\t2\n欢迎\thy\t2\t2\n行业\thy\t4\t6\n还有\thy\t3\t4");
