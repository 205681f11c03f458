__kb("near/cm", "层面\tcm\t3\t4\n村民\tcm\t2\t4");
