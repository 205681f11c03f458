__kb("near/ky", "科研\tky\t2\t3");
