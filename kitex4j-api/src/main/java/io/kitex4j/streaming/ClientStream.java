package io.kitex4j.streaming;

import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RpcException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
    /** Completes once every send-side operation issued so far has been handed to the stream. */
    private CompletableFuture<Stream> issued;

    /** Wraps a stream that is being opened (the client engine's business). */
    public ClientStream(CompletableFuture<Stream> opened) {
        this.opened = Objects.requireNonNull(opened, "opened");
        this.issued = opened;
    }

    /**
     * Runs a send-side operation in call order: before the stream is open, operations queue
     * (a plain {@code opened.thenCompose} would run them in reverse order once it opens).
     */
    private synchronized <T> CompletableFuture<T> inOrder(Function<Stream, CompletableFuture<T>> op) {
        CompletableFuture<Stream> previous = issued;
        Stream s = previous.getNow(null);
        if (s != null) {
            return op.apply(s);
        }
        CompletableFuture<Stream> next = new CompletableFuture<>();
        CompletableFuture<T> result = new CompletableFuture<>();
        previous.whenComplete((stream, err) -> {
            if (err != null) {
                next.completeExceptionally(err);
                result.completeExceptionally(err);
                return;
            }
            try {
                op.apply(stream).whenComplete((r, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(r);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                next.complete(stream);
            }
        });
        issued = next;
        return result;
    }

    @Override
    public void send(Req message) {
        Blocking.await(sendAsync(message), opened.getNow(null));
    }

    @Override
    public CompletableFuture<Void> sendAsync(Req message) {
        Objects.requireNonNull(message, "message");
        return inOrder(s -> s.send(message));
    }

    @Override
    public boolean isReady() {
        Stream s = opened.getNow(null);
        return s != null && s.isReady();
    }

    @Override
    public Resp recv() {
        return Blocking.await(recvAsync(), opened.getNow(null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Resp> recvAsync() {
        return opened.thenCompose(s -> (CompletableFuture<Resp>) (CompletableFuture<?>) s.receive());
    }

    /** Ends the requests (half-close) and waits until that was sent. */
    public void closeSend() {
        Blocking.await(closeSendAsync(), opened.getNow(null));
    }

    public CompletableFuture<Void> closeSendAsync() {
        return inOrder(Stream::closeSend);
    }

    /** Client streaming: ends the requests and waits for the one response. */
    public Resp closeAndRecv() {
        return Blocking.await(closeAndRecvAsync(), opened.getNow(null));
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

    public void cancel(Throwable cause) {
        if (!opened.isDone()) {
            opened.completeExceptionally(cause);
        }
        opened.thenAccept(s -> s.cancel(cause));
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
