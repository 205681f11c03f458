__kb("near/lb", "老板\tlb\t1\t1");
