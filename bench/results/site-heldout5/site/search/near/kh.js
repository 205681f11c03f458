__kb("near/kh", "考核\tkh\t4\t7\n考核不硬\tkhby\t1\t0\n考核流于形式\tkhlyxs\t1\t0\n考核走过场\tkhzgc\t1\t0\n课后\tkh\t2\t1");
