__kb("near/kf", "开发\tkf\t4\t10\n开发区\tkfq\t4\t9");
