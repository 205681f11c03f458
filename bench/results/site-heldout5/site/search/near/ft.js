__kb("near/ft", "访谈\tft\t2\t3");
