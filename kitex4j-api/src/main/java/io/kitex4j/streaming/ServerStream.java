package io.kitex4j.streaming;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A streaming call as its handler sees it: it reads the requests and writes the responses. The
 * call ends when the handler returns (or its future completes): normally → status OK; with an
 * exception → that error's status, as for unary handlers. Sync handlers use {@link #recv()} and
 * {@link #send}; async handlers use {@link #recvAsync()} and {@link #sendAsync}.
 *
 * <p>Thread-safe as {@link Stream} is; one receive at a time.
 *
 * @param <Req> the request message type
 * @param <Resp> the response message type
 */
public final class ServerStream<Req, Resp> implements StreamReader<Req>, StreamWriter<Resp> {
    private final Stream stream;

    public ServerStream(Stream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    @Override
    public Req recv() {
        return Blocking.await(recvAsync(), stream);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Req> recvAsync() {
        return (CompletableFuture<Req>) (CompletableFuture<?>) stream.receive();
    }

    @Override
    public void send(Resp message) {
        Blocking.await(sendAsync(message), stream);
    }

    @Override
    public CompletableFuture<Void> sendAsync(Resp message) {
        return stream.send(Objects.requireNonNull(message, "message"));
    }

    @Override
    public boolean isReady() {
        return stream.isReady();
    }

    /** Completes when the call ends; exceptionally when the client cancelled or the deadline passed. */
    public CompletableFuture<Void> done() {
        return stream.done();
    }

    /** Whether the call already ended abnormally (cancelled by the client, deadline passed). */
    public boolean isCancelled() {
        return stream.done().isCompletedExceptionally();
    }

    /** The untyped stream underneath. */
    public Stream stream() {
        return stream;
    }
}
