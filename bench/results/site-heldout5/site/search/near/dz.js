__kb("near/dz", "党支部\tdzb\t2\t2\n党组\tdz\t4\t7\n党组织\tdzz\t4\t7\n对照\tdz\t2\t2");
