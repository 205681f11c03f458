__kb("near/ff", "丰富\tff\t2\t2\n发放\tff\t2\t3\n方法\tff\t3\t5\n防范\tff\t2\t2");
