__kb("near/zb", "周边\tzb\t2\t2\n指标\tzb\t2\t2\n支部\tzb\t2\t2\n直播\tzb\t2\t2\n装备\tzb\t2\t3\n转办\tzb\t2\t2\n转变\tzb\t2\t3");
