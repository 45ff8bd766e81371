package io.kitex4j.streaming;

import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RpcException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A streaming call as its caller sees it: it writes requests and reads responses. It is returned
 * at once; the stream opens in the background and a failure to open surfaces on the first send or
 * receive. The same object serves the three streaming kinds:
 * <ul>
 *   <li>client streaming: {@link #send} requests, then {@link #closeAndRecv()};</li>
 *   <li>server streaming: the request was sent when the call was made; {@link #recv()} until {@code null};</li>
 *   <li>bidirectional: {@link #send}, {@link #recv()} in any order, {@link #closeSend()} when done sending.</li>
 * </ul>
 * {@link #cancel()} ends the call both ways. Thread-safe; one receive at a time.
 *
 * @param <Req> the request message type
 * @param <Resp> the response message type
 */
public final class ClientStream<Req, Resp> implements StreamWriter<Req>, StreamReader<Resp> {
    private final CompletableFuture<Stream> opened;
    /** Send-side operations issued before the stream opened, run in call order once it has. Guarded by this. */
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    /** Set once the stream opened (or failed to) and every pending operation has run. */
    private volatile boolean drained;

    /** Wraps a stream that is being opened (the client engine's business). */
    public ClientStream(CompletableFuture<Stream> opened) {
        this.opened = Objects.requireNonNull(opened, "opened");
        opened.whenComplete((s, err) -> drain());
    }

    /** Runs the queued operations in a loop (never recursively: a long queue must not overflow the stack). */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    drained = true;
                    return;
                }
            }
            next.run();
        }
    }

    /** The stream if it opened, else {@code null} (still opening, or failed). Never throws. */
    private Stream openStream() {
        return opened.isDone() && !opened.isCompletedExceptionally() ? opened.join() : null;
    }

    private Throwable openFailure() {
        try {
            opened.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        }
    }

    /**
     * Runs a send-side operation in call order: before the stream is open, operations queue
     * (a plain {@code opened.thenCompose} would run them in reverse order once it opens).
     */
    private <T> CompletableFuture<T> inOrder(Function<Stream, CompletableFuture<T>> op) {
        if (!drained) {
            CompletableFuture<T> result = new CompletableFuture<>();
            synchronized (this) {
                if (!drained) {
                    pending.add(() -> apply(op, result));
                    return result;
                }
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        apply(op, result);
        return result;
    }

    private <T> void apply(Function<Stream, CompletableFuture<T>> op, CompletableFuture<T> result) {
        Stream s = openStream();
        if (s == null) {
            result.completeExceptionally(openFailure());
            return;
        }
        try {
            op.apply(s).whenComplete((r, e) -> {
                if (e != null) {
                    result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                } else {
                    result.complete(r);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public void send(Req message) {
        Blocking.await(sendAsync(message), this::cancel);
    }

    @Override
    public CompletableFuture<Void> sendAsync(Req message) {
        Objects.requireNonNull(message, "message");
        return inOrder(s -> s.send(message));
    }

    @Override
    public boolean isReady() {
        Stream s = openStream();
        return s != null && s.isReady();
    }

    @Override
    public Resp recv() {
        return Blocking.await(recvAsync(), this::cancel);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Resp> recvAsync() {
        return opened.thenCompose(s -> (CompletableFuture<Resp>) (CompletableFuture<?>) s.receive());
    }

    /** Ends the requests (half-close) and waits until that was sent. */
    public void closeSend() {
        Blocking.await(closeSendAsync(), this::cancel);
    }

    public CompletableFuture<Void> closeSendAsync() {
        return inOrder(Stream::closeSend);
    }

    /** Client streaming: ends the requests and waits for the one response. */
    public Resp closeAndRecv() {
        return Blocking.await(closeAndRecvAsync(), this::cancel);
    }

    /** Client streaming: ends the requests; completes with the one response. */
    public CompletableFuture<Resp> closeAndRecvAsync() {
        return closeSendAsync().thenCompose(v -> recvAsync()).thenApply(r -> {
            if (r == null) {
                throw new RpcException(ErrorKind.STREAMING_PROTOCOL, "the server ended the call without a response");
            }
            return r;
        });
    }

    /** Cancels the call: the server sees CANCELLED, pending receives fail. */
    public void cancel() {
        cancel(new RpcException(ErrorKind.STREAMING_CANCELED, "cancelled by the client"));
    }

    /**
     * Cancels the call with {@code cause}. Before the stream opened, the open fails with it (the
     * engine then cancels the stream that opens later).
     */
    public void cancel(Throwable cause) {
        if (!opened.completeExceptionally(cause)) {
            Stream s = openStream();
            if (s != null) {
                s.cancel(cause);
            }
        }
    }

    /** Completes when the call ended: normally, or exceptionally with its failure. */
    public CompletableFuture<Void> done() {
        return opened.thenCompose(Stream::done);
    }

    /** The untyped stream once open. */
    public CompletableFuture<Stream> stream() {
        return opened;
    }
}
