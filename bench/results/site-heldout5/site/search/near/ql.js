__kb("near/ql", "侨联\tql\t2\t3\n区里\tql\t2\t2\n起来\tql\t3\t6");
