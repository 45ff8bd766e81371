package io.kitex4j.streaming;

import java.util.concurrent.CompletableFuture;

/**
 * The untyped message stream of one streaming call, as transports provide it and middleware sees
 * it. Typed views for applications are {@link ServerStream} and {@link ClientStream}; a stream
 * middleware decorates a {@code Stream} (see {@link ForwardingStream}) to observe or change each
 * message, in the same {@link io.kitex4j.endpoint.Middleware} chain as unary calls: for a
 * streaming call the chain's request object is the {@code Stream} (server side) and the
 * response is the opened {@code Stream} (client side).
 *
 * <p><b>Back-pressure.</b> Receiving is pulled: the transport reads (and grants the peer flow
 * control credit for) only what {@link #receive()} asks for, so a slow consumer slows its
 * producer. Sending is acknowledged: the future of {@link #send} completes when the transport
 * has taken the message within its flow-control window, so a producer that waits on it (or on
 * {@link #isReady()}) never piles up messages in memory.
 *
 * <p><b>Threading.</b> All methods are thread-safe and never block. At most one {@link #receive()}
 * may be outstanding at a time; sends are written in the order they are called. Futures complete
 * on I/O threads: do not block inside their callbacks.
 *
 * <p><b>Errors.</b> When the call ends abnormally (peer error status, cancellation, deadline,
 * connection loss) pending and later receives and sends complete exceptionally with an
 * {@link io.kitex4j.errors.RpcException} (a {@link io.kitex4j.errors.StatusException} carrying the
 * gRPC status) or {@link io.kitex4j.errors.BizStatusException}.
 */
public interface Stream {

    /** Sends one message. Completes once the transport accepted it (back-pressure), exceptionally if the stream ended. */
    CompletableFuture<Void> send(Object message);

    /**
     * Asks for the next message. Completes with it, with {@code null} when the peer ended its
     * side normally, or exceptionally when the call failed.
     */
    CompletableFuture<Object> receive();

    /**
     * Ends this side's messages (the client's half-close). On the server the stream's end is the
     * handler's return, so this only flushes.
     */
    CompletableFuture<Void> closeSend();

    /**
     * Ends the call abnormally in both directions (gRPC {@code RST_STREAM CANCEL}); the peer
     * sees CANCELLED. Idempotent; a stream that already ended is unaffected.
     */
    void cancel(Throwable cause);

    /** Whether a {@link #send} now would be taken without waiting for flow-control credit. */
    boolean isReady();

    /** Completes when the call has ended, normally (with {@code null}) or not (exceptionally). */
    CompletableFuture<Void> done();
}
