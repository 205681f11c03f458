__kb("near/fk", "反馈\tfk\t2\t2");
