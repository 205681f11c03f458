__kb("near/fx", "分析\tfx\t3\t7\n发现\tfx\t2\t3\n方向\tfx\t3\t7\n返乡\tfx\t3\t5");
