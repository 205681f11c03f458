__kb("near/cx", "创新\tcx\t4\t8\n成效\tcx\t4\t8\n持续\tcx\t3\t5\n程序\tcx\t2\t2");
