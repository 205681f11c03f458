__kb("near/sg", "三个\tsg\t3\t5\n事故\tsg\t2\t3\n寺观\tsg\t3\t4\n寺观教堂\tsgjt\t3\t4\n深感\tsg\t2\t2");
