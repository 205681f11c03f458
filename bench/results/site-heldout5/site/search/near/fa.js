__kb("near/fa", "方案\tfa\t2\t2");
