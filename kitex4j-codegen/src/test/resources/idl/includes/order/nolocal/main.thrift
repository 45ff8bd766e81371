include "common.thrift"
include "lib/extra.thrift"
const string USED = common.WHERE
const string EXTRA = extra.WHERE
