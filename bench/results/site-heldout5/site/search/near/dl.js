__kb("near/dl", "道路\tdl\t2\t2\n鸫林村\tdlc\t2\t3");
