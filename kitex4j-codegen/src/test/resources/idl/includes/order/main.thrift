include "common.thrift"
const string USED = common.WHERE
