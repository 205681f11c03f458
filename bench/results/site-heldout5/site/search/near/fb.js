__kb("near/fb", "分布\tfb\t2\t2\n发布\tfb\t2\t2\n法宝作用\tfbzy\t1\t0");
