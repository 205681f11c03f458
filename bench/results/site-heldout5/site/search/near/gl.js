__kb("near/gl", "公里\tgl\t2\t2\n各类\tgl\t3\t5\n管理\tgl\t5\t20\n管理制\tglz\t2\t2\n管理制度\tglzd\t2\t2");
