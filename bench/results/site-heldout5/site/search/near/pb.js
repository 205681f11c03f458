__kb("near/pb", "普遍\tpb\t2\t2\n配备\tpb\t3\t4");
