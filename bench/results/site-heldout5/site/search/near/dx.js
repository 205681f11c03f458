__kb("near/dx", "党校\tdx\t1\t1\n大学\tdx\t3\t4\n对象\tdx\t3\t6\n短信平台\tdxpt\t1\t0");
