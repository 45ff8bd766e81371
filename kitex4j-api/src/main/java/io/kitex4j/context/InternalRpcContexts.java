package io.kitex4j.context;

import io.kitex4j.rpcinfo.RpcInfo;

/**
 * Framework access to {@link RpcContext} internals. Not for application code: signatures may
 * change in any release (grpc-java's {@code Internal*} convention).
 */
public final class InternalRpcContexts {
    private InternalRpcContexts() {}

    /** Derives the context of a call: {@code info} plus, on the server, the sink for backward values. */
    public static RpcContext forCall(RpcContext parent, RpcInfo info, BackwardValues backwardOut) {
        return parent.withCall(info, backwardOut);
    }

    /** The sink a client stores received backward values in, or {@code null}. */
    public static BackwardValues backwardReceiver(RpcContext ctx) {
        return ctx.backwardIn();
    }

    /** The backward values a server handler sent, or {@code null}. */
    public static BackwardValues backwardSent(RpcContext ctx) {
        return ctx.backwardOut();
    }
}
