__kb("near/xc", "乡村\txc\t4\t13\n乡村振兴\txczx\t4\t9\n宣传\txc\t4\t7\n宣传不够\txcbg\t1\t0\n宣传栏\txcl\t1\t0\n宣传氛围\txcfw\t1\t1\n巡查\txc\t2\t2\n形成\txc\t2\t3\n现场\txc\t2\t2");
