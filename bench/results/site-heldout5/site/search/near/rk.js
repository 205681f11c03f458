__kb("near/rk", "人口\trk\t4\t9");
