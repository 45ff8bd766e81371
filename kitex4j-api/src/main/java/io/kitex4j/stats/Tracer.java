package io.kitex4j.stats;

import io.kitex4j.context.RpcContext;

/**
 * Hooks around every call on the client and the server: where metrics and tracing modules
 * attach (Kitex's {@code stats.Tracer}).
 *
 * <p>{@link #start} runs before the middleware chain and may return a derived context (for
 * example with a span in an attribute); {@link #finish} runs once the call is over, with
 * {@link io.kitex4j.rpcinfo.RpcStats} complete. Both run on whatever thread the call is on and
 * must not block; exceptions they throw are logged and ignored.
 */
public interface Tracer {

    /** Called as the call starts; returns the context the call continues with. */
    default RpcContext start(RpcContext ctx) {
        return ctx;
    }

    /** Called once the call has finished (successfully or not). */
    void finish(RpcContext ctx);
}
