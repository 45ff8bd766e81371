package io.kitex4j.service;

import io.kitex4j.streaming.ServerStream;

/**
 * A blocking server-side handler of a streaming method (client, server or bidirectional
 * streaming): it reads requests from and writes responses to the stream, and the call ends
 * with status OK when it returns or with its exception's status when it throws. It runs on the
 * handler executor (a virtual thread on Java 21+), with the call's
 * {@link io.kitex4j.context.RpcContext} current. Generated code adapts the IDL-shaped methods
 * ({@code Resp m(StreamReader<Req>)}, {@code void m(Req, StreamWriter<Resp>)}, …) to this.
 */
@FunctionalInterface
public interface StreamHandler<Req, Resp> {
    void handle(ServerStream<Req, Resp> stream) throws Exception;
}
