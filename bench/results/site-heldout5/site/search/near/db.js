__kb("near/db", "代表\tdb\t5\t16\n代表人士\tdbrs\t4\t12\n短板\tdb\t2\t2");
