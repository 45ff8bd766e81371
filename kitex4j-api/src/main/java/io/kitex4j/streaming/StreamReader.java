package io.kitex4j.streaming;

import java.util.concurrent.CompletableFuture;

/**
 * The receiving half of a stream, typed. {@link #recv()} blocks (cheap on virtual threads);
 * {@link #recvAsync()} does not. Each call asks the transport for one message, so a reader that
 * stops reading holds its peer back (back-pressure). One receive at a time.
 *
 * @param <T> the message type
 */
public interface StreamReader<T> {

    /**
     * Waits for the next message; {@code null} when the peer ended its side normally. Throws the
     * call's {@link io.kitex4j.errors.RpcException} (or {@link io.kitex4j.errors.BizStatusException})
     * when it failed; interruption cancels the call.
     */
    T recv();

    /** The next message, {@code null} at the end, or the call's failure. */
    CompletableFuture<T> recvAsync();
}
