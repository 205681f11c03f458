__kb("near/tb", "台办\ttb\t1\t0\n台胞\ttb\t1\t0\n同胞\ttb\t2\t2\n通报\ttb\t2\t2");
