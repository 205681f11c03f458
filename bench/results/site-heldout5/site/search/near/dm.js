__kb("near/dm", "多名\tdm\t2\t2\n对面\tdm\t2\t2");
