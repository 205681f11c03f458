__kb("near/cz", "参政\tcz\t3\t3\n参政议政\tczyz\t3\t3\n参政议政与协商\tczyzyxs\t1\t1\n存在\tcz\t5\t19\n成长\tcz\t2\t3\n财政\tcz\t1\t0");
