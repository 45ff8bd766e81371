package io.kitex4j.streaming;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Stream} that forwards every call to another: the base of stream middleware, which
 * overrides the methods it observes.
 *
 * <pre>{@code
 * Middleware countMessages = next -> (ctx, req) -> {
 *     if (!(req instanceof Stream)) return next.invoke(ctx, req);     // a unary call
 *     Stream counting = new ForwardingStream((Stream) req) {
 *         public CompletableFuture<Object> receive() {
 *             return super.receive().thenApply(m -> { if (m != null) received.increment(); return m; });
 *         }
 *     };
 *     return next.invoke(ctx, counting);
 * };
 * }</pre>
 */
public class ForwardingStream implements Stream {
    private final Stream delegate;

    public ForwardingStream(Stream delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The stream this one forwards to. */
    protected Stream delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<Void> send(Object message) {
        return delegate.send(message);
    }

    @Override
    public CompletableFuture<Object> receive() {
        return delegate.receive();
    }

    @Override
    public CompletableFuture<Void> closeSend() {
        return delegate.closeSend();
    }

    @Override
    public void cancel(Throwable cause) {
        delegate.cancel(cause);
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public CompletableFuture<Void> done() {
        return delegate.done();
    }
}
