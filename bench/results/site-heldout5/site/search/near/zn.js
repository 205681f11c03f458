__kb("near/zn", "子女\tzn\t3\t4\n子女入学\tznrx\t3\t4\n智能\tzn\t2\t2\n职能\tzn\t3\t2\n职能部门\tznbm\t2\t1");
