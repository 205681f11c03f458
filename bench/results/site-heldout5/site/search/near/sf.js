__kb("near/sf", "受访\tsf\t2\t3\n受访者\tsfz\t2\t3\n司法\tsf\t2\t1\n示范\tsf\t4\t5");
