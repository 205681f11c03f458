__kb("near/yn", "一年\tyn\t4\t7");
