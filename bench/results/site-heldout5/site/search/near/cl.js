__kb("near/cl", "成立\tcl\t4\t9\n材料\tcl\t3\t4\n村里\tcl\t3\t3\n村里没人管\tclmrg\t1\t0");
