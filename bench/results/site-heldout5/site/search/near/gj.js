__kb("near/gj", "关键\tgj\t2\t3\n各级\tgj\t3\t3\n国家\tgj\t2\t3\n更加\tgj\t3\t5\n格局\tgj\t2\t2\n过节\tgj\t2\t2\n高级\tgj\t2\t2\n高级职称\tgjzc\t2\t2");
