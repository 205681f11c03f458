__kb("near/zf", "作风\tzf\t1\t0\n做法\tzf\t4\t11\n政府\tzf\t3\t3\n走访\tzf\t4\t11");
