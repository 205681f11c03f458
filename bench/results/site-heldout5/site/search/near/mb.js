__kb("near/mb", "目标\tmb\t3\t4\n目标管理\tmbgl\t1\t1\n目标考核\tmbkh\t2\t2");
