__kb("near/ts", "同时\tts\t4\t8\n探索\tts\t3\t7\n推送\tts\t2\t2\n提升\tts\t3\t7\n特色\tts\t2\t3\n特色产业\ttscy\t2\t2");
