package io.kitex4j.endpoint;

import io.kitex4j.context.RpcContext;
import java.util.concurrent.CompletableFuture;

/**
 * One step of a call: takes the request message and completes with the response message (Kitex's
 * {@code endpoint.Endpoint}). The same shape serves the client (the innermost endpoint sends the
 * request) and the server (the innermost endpoint runs the handler), for every protocol.
 *
 * <p>For Thrift the request is the method's {@code args} struct and the response its
 * {@code result} struct. For oneway methods the response is {@code null}. Failures complete the
 * future exceptionally (typically with an {@link io.kitex4j.errors.RpcException}); an endpoint
 * should not throw.
 */
@FunctionalInterface
public interface Endpoint {
    CompletableFuture<Object> invoke(RpcContext ctx, Object request);
}
