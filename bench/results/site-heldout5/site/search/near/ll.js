__kb("near/ll", "力量\tll\t4\t13\n理论\tll\t4\t9\n理论学习\tllxx\t3\t3\n联络\tll\t5\t17\n联络员\tlly\t4\t9");
