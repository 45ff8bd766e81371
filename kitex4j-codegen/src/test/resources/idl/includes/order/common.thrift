const string WHERE = "next to main.thrift"
