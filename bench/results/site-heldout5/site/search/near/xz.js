__kb("near/xz", "乡镇\txz\t5\t12\n小组\txz\t3\t6\n小组长\txzz\t2\t2\n虚职\txz\t1\t0\n行政\txz\t2\t3\n行政村\txzc\t2\t2");
