__kb("near/dd", "到底\tdd\t2\t3\n多党合作\tddhz\t1\t0\n带动\tdd\t2\t3\n担当\tdd\t2\t2\n达到\tdd\t3\t5");
