__kb("near/dr", "动人\tdr\t3\t6\n担任\tdr\t2\t2");
