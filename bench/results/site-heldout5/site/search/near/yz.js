__kb("near/yz", "一战\tyz\t3\t5\n硬指标\tyzb\t1\t0\n议政\tyz\t3\t3\n驿站\tyz\t2\t2");
