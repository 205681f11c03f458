__kb("near/rz", "融资\trz\t2\t2\n认真\trz\t3\t4");
