__kb("near/sp", "水平\tsp\t3\t5\n碎片\tsp\t2\t2");
