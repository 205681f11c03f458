__kb("near/qw", "侨务\tqw\t4\t7\n侨务工作\tqwgz\t3\t5\n区委\tqw\t4\t7\n区委统战部\tqwtzb\t4\t7");
