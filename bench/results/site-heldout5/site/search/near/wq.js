__kb("near/wq", "外侨\twq\t2\t3\n湾区\twq\t3\t5");
