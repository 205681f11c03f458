__kb("near/py", "偏远\tpy\t2\t2\n培养\tpy\t3\t3\n朋友\tpy\t2\t2\n评优\tpy\t2\t2\n评议\tpy\t2\t2");
