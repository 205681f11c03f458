__kb("near/mt", "媒体\tmt\t2\t2");
