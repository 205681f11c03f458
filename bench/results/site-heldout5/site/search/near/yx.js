__kb("near/yx", "一些\tyx\t4\t8\n一项\tyx\t2\t3\n以下\tyx\t2\t3\n原县\tyx\t3\t4\n因循守旧\tyxsj\t1\t0\n影响\tyx\t2\t2\n影响力\tyxl\t1\t0\n有效\tyx\t3\t4\n用心\tyx\t2\t2\n院校\tyx\t4\t9\n院系\tyx\t2\t1");
