__kb("near/gs", "公司\tgs\t2\t2\n共事\tgs\t2\t2\n共识\tgs\t1\t0\n工商\tgs\t2\t3\n工商联\tgsl\t2\t2\n干事\tgs\t1\t0");
