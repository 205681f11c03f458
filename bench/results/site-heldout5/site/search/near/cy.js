__kb("near/cy", "产业\tcy\t4\t12\n产业园\tcyy\t2\t2\n创业\tcy\t3\t7\n参与\tcy\t5\t25\n成员\tcy\t4\t14\n成因\tcy\t2\t2");
