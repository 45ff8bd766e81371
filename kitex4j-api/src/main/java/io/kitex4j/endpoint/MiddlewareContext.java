package io.kitex4j.endpoint;

import io.kitex4j.rpcinfo.RpcInfo;
import java.util.List;

/** What a {@link MiddlewareBuilder} may know about the client or server it builds for. */
public interface MiddlewareContext {

    RpcInfo.Side side();

    /** On a client: its target service. On a server: the names of the hosted services. */
    List<String> serviceNames();
}
