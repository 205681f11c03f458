__kb("near/ty", "统一\tty\t3\t7\n统一战线\ttyzx\t3\t5");
