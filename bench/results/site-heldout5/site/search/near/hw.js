__kb("near/hw", "和文化\thwh\t1\t0\n海外\thw\t3\t5\n海外侨胞\thwqb\t2\t2\n海外联谊\thwly\t1\t0");
