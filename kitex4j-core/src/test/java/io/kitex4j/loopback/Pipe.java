package io.kitex4j.loopback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One direction of an in-memory stream: a bounded buffer with pulled receives. A send completes
 * when the message is in the buffer (or handed straight to a waiting receive); beyond the
 * capacity it waits until the reader takes one (back-pressure). Futures are completed outside
 * the lock.
 */
final class Pipe {
    private static final Object NO_MESSAGE = new Object();

    private final int capacity;
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private final ArrayDeque<Object[]> blocked = new ArrayDeque<>(); // {message, CompletableFuture<Void>}
    private CompletableFuture<Object> waiting;
    /** The writer ended (normally when {@link #endError} is null); delivered after the buffer. */
    private boolean ended;
    private Throwable endError;
    /** Aborted: everything fails at once with this. */
    private Throwable abortError;
    /** The reader is gone: writes are dropped (null) or fail (non-null). */
    private boolean readerGone;
    private Throwable readerGoneError;
    /** Completes once the end has been reached by the reader (all messages taken), or on abort. */
    final CompletableFuture<Void> drained = new CompletableFuture<>();

    Pipe(int capacity) {
        this.capacity = capacity;
    }

    CompletableFuture<Void> offer(Object message) {
        CompletableFuture<Object> receiver;
        synchronized (this) {
            if (abortError != null) {
                return CompletableFuture.failedFuture(abortError);
            }
            if (readerGone) {
                return readerGoneError != null ? CompletableFuture.failedFuture(readerGoneError)
                        : CompletableFuture.completedFuture(null);
            }
            if (ended) {
                return CompletableFuture.failedFuture(new IllegalStateException("send after the end of the stream"));
            }
            if (waiting != null) {
                receiver = waiting;
                waiting = null;
            } else if (buffer.size() < capacity) {
                buffer.add(message);
                return CompletableFuture.completedFuture(null);
            } else {
                CompletableFuture<Void> f = new CompletableFuture<>();
                blocked.add(new Object[] {message, f});
                return f;
            }
        }
        receiver.complete(message);
        return CompletableFuture.completedFuture(null);
    }

    @SuppressWarnings("unchecked")
    CompletableFuture<Object> take() {
        Object message = NO_MESSAGE;
        CompletableFuture<Void> unblocked = null;
        boolean drainedNow = false;
        Throwable endErr = null;
        CompletableFuture<Object> result;
        synchronized (this) {
            if (abortError != null) {
                return CompletableFuture.failedFuture(abortError);
            }
            if (waiting != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("one receive at a time"));
            }
            if (!buffer.isEmpty()) {
                message = buffer.poll();
                Object[] b = blocked.poll();
                if (b != null) {
                    buffer.add(b[0]);
                    unblocked = (CompletableFuture<Void>) b[1];
                }
                drainedNow = ended && buffer.isEmpty();
                endErr = endError;
                result = CompletableFuture.completedFuture(message);
            } else if (ended) {
                drainedNow = true;
                endErr = endError;
                result = endError == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(endError);
            } else {
                waiting = new CompletableFuture<>();
                return waiting;
            }
        }
        if (unblocked != null) {
            unblocked.complete(null);
        }
        if (drainedNow) {
            complete(drained, endErr);
        }
        return result;
    }

    /** The writer ends its side: normally ({@code error == null}) or with an error status, after the buffered messages. */
    void end(Throwable error) {
        CompletableFuture<Object> receiver;
        boolean drainedNow;
        synchronized (this) {
            if (ended || abortError != null) {
                return;
            }
            ended = true;
            endError = error;
            receiver = waiting;
            waiting = null;
            drainedNow = buffer.isEmpty();
        }
        if (receiver != null) {
            complete(receiver, error);
        }
        if (drainedNow) {
            complete(drained, error);
        }
    }

    /** Ends everything at once: buffered messages are dropped, pending operations fail. */
    void abort(Throwable error) {
        CompletableFuture<Object> receiver;
        List<Object[]> pending;
        synchronized (this) {
            if (abortError != null) {
                return;
            }
            abortError = error;
            buffer.clear();
            pending = new ArrayList<>(blocked);
            blocked.clear();
            receiver = waiting;
            waiting = null;
        }
        for (Object[] b : pending) {
            ((CompletableFuture<?>) b[1]).completeExceptionally(error);
        }
        if (receiver != null) {
            receiver.completeExceptionally(error);
        }
        drained.completeExceptionally(error);
    }

    /** The reader will not read any more: later writes are dropped ({@code error == null}) or fail. */
    @SuppressWarnings("unchecked")
    void readerGone(Throwable error) {
        List<Object[]> pending;
        synchronized (this) {
            readerGone = true;
            readerGoneError = error;
            pending = new ArrayList<>(blocked);
            blocked.clear();
        }
        for (Object[] b : pending) {
            complete((CompletableFuture<Void>) b[1], error);
        }
    }

    synchronized boolean isReady() {
        return abortError == null && !ended && !readerGone && buffer.size() < capacity;
    }

    private static <T> void complete(CompletableFuture<T> f, Throwable error) {
        if (error == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(error);
        }
    }
}
