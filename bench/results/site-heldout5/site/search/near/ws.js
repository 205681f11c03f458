__kb("near/ws", "完善\tws\t3\t4");
