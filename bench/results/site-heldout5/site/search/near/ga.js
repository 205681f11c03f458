__kb("near/ga", "港澳\tga\t2\t2\n港澳台\tgat\t2\t1\n港澳台侨与海外\tgatqyhw\t1\t1");
