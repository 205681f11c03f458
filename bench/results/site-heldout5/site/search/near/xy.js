__kb("near/xy", "协议\txy\t3\t4\n吸引\txy\t3\t4\n吸引力\txyl\t2\t3\n学院\txy\t5\t18\n学院党外\txydw\t3\t5\n效益\txy\t2\t2\n现有\txy\t3\t6");
