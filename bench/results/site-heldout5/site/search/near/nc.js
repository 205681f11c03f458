__kb("near/nc", "农村\tnc\t2\t2");
