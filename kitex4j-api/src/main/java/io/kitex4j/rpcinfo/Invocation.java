package io.kitex4j.rpcinfo;

/** What is being invoked: service, method and sequence id. */
public interface Invocation {

    /** The IDL package (Thrift namespace, proto package), or empty. */
    String packageName();

    /** The IDL service name. */
    String serviceName();

    String methodName();

    /** The sequence id of this attempt's request message. */
    int seqId();
}
