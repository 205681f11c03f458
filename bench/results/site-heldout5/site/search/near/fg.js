__kb("near/fg", "分管\tfg\t2\t3\n法规\tfg\t2\t2\n覆盖\tfg\t4\t7\n覆盖面\tfgm\t2\t2\n非公\tfg\t4\t8\n非公有\tfgy\t3\t6\n非公有制\tfgyz\t3\t6\n非公有制经济\tfgyzjj\t3\t6\n非公经济\tfgjj\t2\t2");
