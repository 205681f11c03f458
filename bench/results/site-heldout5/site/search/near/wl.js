__kb("near/wl", "网络\twl\t4\t8\n网络不健全\twlbjq\t1\t0");
