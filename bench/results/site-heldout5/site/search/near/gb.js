__kb("near/gb", "个别\tgb\t2\t2\n干部\tgb\t5\t18\n干部素质不高\tgbszbg\t1\t0");
