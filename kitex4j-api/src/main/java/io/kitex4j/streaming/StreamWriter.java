package io.kitex4j.streaming;

import java.util.concurrent.CompletableFuture;

/**
 * The sending half of a stream, typed. {@link #send} blocks until the transport takes the
 * message within its flow-control window (back-pressure); {@link #sendAsync} returns at once
 * with that moment as a future.
 *
 * @param <T> the message type
 */
public interface StreamWriter<T> {

    /** Sends and waits until the transport took the message; throws the call's failure if it ended. */
    void send(T message);

    /** Sends; the future completes when the transport took the message. */
    CompletableFuture<Void> sendAsync(T message);

    /** Whether a send now would be taken without waiting. */
    boolean isReady();
}
