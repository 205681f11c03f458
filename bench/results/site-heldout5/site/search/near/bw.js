__kb("near/bw", "本文\tbw\t2\t2");
