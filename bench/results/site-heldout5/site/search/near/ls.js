__kb("near/ls", "律师\tls\t3\t4\n理事\tls\t4\t6\n理事会\tlsh\t4\t6\n落实\tls\t4\t9\n落实宗教\tlszj\t3\t4\n隶属\tls\t2\t2");
