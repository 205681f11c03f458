__kb("near/gw", "各位\tgw\t3\t6\n各位领导\tgwld\t3\t6\n岗位\tgw\t2\t2\n工委\tgw\t3\t5");
