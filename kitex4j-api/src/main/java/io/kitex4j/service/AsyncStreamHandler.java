package io.kitex4j.service;

import io.kitex4j.streaming.ServerStream;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking server-side handler of a streaming method: it uses the stream's async methods
 * and completes the returned stage when the call should end (exceptionally for an error status).
 */
@FunctionalInterface
public interface AsyncStreamHandler<Req, Resp> {
    CompletionStage<Void> handle(ServerStream<Req, Resp> stream);
}
