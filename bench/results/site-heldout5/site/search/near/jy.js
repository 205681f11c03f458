__kb("near/jy", "交友\tjy\t2\t1\n具有\tjy\t3\t4\n家宴\tjy\t2\t1\n就业\tjy\t3\t7\n建言献策\tjyxc\t1\t1\n建议\tjy\t4\t13\n教育\tjy\t4\t8\n教育培训\tjypx\t2\t2\n既有\tjy\t3\t5\n简要\tjy\t2\t2\n经验\tjy\t2\t3\n进一步\tjyb\t2\t1");
