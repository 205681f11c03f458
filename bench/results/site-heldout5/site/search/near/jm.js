__kb("near/jm", "局面\tjm\t2\t2\n居民\tjm\t4\t8\n居民小区\tjmxq\t2\t2\n紧密\tjm\t2\t2");
