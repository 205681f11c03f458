__kb("near/ly", "利用\tly\t2\t3\n利益\tly\t2\t3\n另一方\tlyf\t2\t2\n另一方面\tlyfm\t2\t2\n楼宇\tly\t3\t3\n立业\tly\t2\t2\n老一套\tlyt\t1\t0\n联谊\tly\t3\t4\n联谊交友\tlyjy\t1\t1\n联谊会\tlyh\t1\t0\n领域\tly\t4\t10");
