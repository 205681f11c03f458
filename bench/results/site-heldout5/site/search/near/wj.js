__kb("near/wj", "文件\twj\t2\t3\n问卷\twj\t3\t3\n问卷调查\twjdc\t2\t2");
