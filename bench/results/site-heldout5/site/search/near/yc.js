__kb("near/yc", "一次\tyc\t4\t10\n以诚相见\tycxj\t1\t0\n岩村\tyc\t3\t5\n有场所\tycs\t1\t0\n鹬川\tyc\t4\t15\n鹬川交通\tycjt\t3\t5\n鹬川市\tycs\t3\t8");
