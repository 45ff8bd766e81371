package io.kitex4j.service;

/**
 * A blocking server-side handler of a ping-pong or oneway method. It runs on the server's
 * handler executor (virtual threads on Java 21+, a bounded pool otherwise) unless the server
 * is configured to run handlers on I/O threads. {@link io.kitex4j.context.RpcContext#current()}
 * is the call's context while it runs.
 *
 * <p>Throwing a declared IDL exception is the generated code's business (it goes into the
 * result); throwing {@link io.kitex4j.errors.BizStatusException} sends a business status; any
 * other exception becomes an application error of type 6 with message {@code "biz error: ..."}.
 */
@FunctionalInterface
public interface UnaryHandler<Req, Resp> {
    Resp handle(Req request) throws Exception;
}
