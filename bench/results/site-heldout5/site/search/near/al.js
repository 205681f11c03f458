__kb("near/al", "案例\tal\t3\t6\n案例背景\talbj\t3\t4");
