__kb("near/qy", "企业\tqy\t6\t40\n企业家\tqyj\t5\t16\n企业家工作\tqyjgz\t1\t1");
