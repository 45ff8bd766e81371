package io.kitex4j.rpcinfo;

/**
 * Everything the framework knows about one call (one attempt, with retries): who calls whom,
 * what is invoked, with which settings, and what happened. Middlewares and tracers read it from
 * {@link io.kitex4j.context.RpcContext#rpcInfo()}.
 */
public interface RpcInfo {

    /** Which side of the call this info describes. */
    Side side();

    /** The caller. */
    EndpointInfo from();

    /** The callee. */
    EndpointInfo to();

    Invocation invocation();

    RpcConfig config();

    RpcStats stats();

    /** The side of a call. */
    enum Side {
        CLIENT,
        SERVER
    }
}
