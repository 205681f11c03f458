__kb("near/xk", "学科\txk\t2\t2\n溪口\txk\t2\t2");
