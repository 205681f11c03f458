__kb("near/jw", "几位\tjw\t2\t2");
