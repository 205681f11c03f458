__kb("near/ta", "提案\tta\t1\t0");
