__kb("near/hx", "和谐\thx\t4\t9\n和谐寺观\thxsg\t3\t4\n和谐稳定\thxwd\t3\t5\n回乡\thx\t4\t8\n回乡投资\thxtz\t3\t4\n横向\thx\t2\t3\n横向到边\thxdb\t1\t1");
