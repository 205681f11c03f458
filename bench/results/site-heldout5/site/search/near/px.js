__kb("near/px", "培训\tpx\t5\t17\n培训太少\tpxts\t1\t0\n培训班\tpxb\t3\t7\n评先\tpx\t2\t2\n评选\tpx\t2\t2");
