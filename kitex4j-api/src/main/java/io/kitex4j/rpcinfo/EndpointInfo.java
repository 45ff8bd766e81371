package io.kitex4j.rpcinfo;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One side of a call: the caller ({@link RpcInfo#from()}) or the callee ({@link RpcInfo#to()}).
 * Read-only view; the framework fills it in as the call proceeds (the callee's address is known
 * only after load balancing, for example). Safe to read from any thread once the call has
 * reached the code reading it.
 */
public interface EndpointInfo {

    /** The service name (a client's own name, or the target service); empty if unknown. */
    String serviceName();

    /** The method name; empty if unknown (for example the caller outside any handler). */
    String method();

    /** The remote or local socket address, or {@code null} if not known yet. */
    InetSocketAddress address();

    /** A tag such as {@code cluster} or {@code idc}, or {@code null}. */
    String tag(String key);

    /** All tags; unmodifiable. */
    Map<String, String> tags();
}
