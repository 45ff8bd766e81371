package io.kitex4j.streaming;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable {@link Stream} for unit tests: it records every operation in call order, sends are
 * acknowledged at once (or held, when {@link #holdSends()} was called), receives are answered
 * from a queue of prepared futures (or left pending until {@link #deliver} / {@link #fail}).
 */
class FakeStream implements Stream {
    final List<String> ops = Collections.synchronizedList(new ArrayList<>());
    final List<CompletableFuture<Void>> sendAcks = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final AtomicInteger cancels = new AtomicInteger();
    volatile Throwable cancelCause;
    volatile boolean ready = true;
    private volatile boolean holdSends;
    private final Deque<CompletableFuture<Object>> receives = new ArrayDeque<>();
    private final Deque<Object> inbox = new ArrayDeque<>();

    /** Later sends complete only when the test completes their entry in {@link #sendAcks}. */
    FakeStream holdSends() {
        holdSends = true;
        return this;
    }

    /** Queues messages that later receives return (a {@code null} marks the end). */
    synchronized FakeStream inbox(Object... messages) {
        for (Object m : messages) {
            inbox.add(m == null ? END : m);
        }
        return this;
    }

    private static final Object END = new Object();

    @Override
    public CompletableFuture<Void> send(Object message) {
        ops.add("send:" + message);
        CompletableFuture<Void> ack = holdSends ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        sendAcks.add(ack);
        return ack;
    }

    @Override
    public synchronized CompletableFuture<Object> receive() {
        ops.add("receive");
        Object m = inbox.poll();
        if (m != null) {
            return CompletableFuture.completedFuture(m == END ? null : m);
        }
        CompletableFuture<Object> f = new CompletableFuture<>();
        receives.add(f);
        return f;
    }

    /** Completes the oldest pending receive. */
    void deliver(Object message) {
        CompletableFuture<Object> f;
        synchronized (this) {
            f = receives.poll();
        }
        if (f == null) {
            throw new AssertionError("no receive pending");
        }
        f.complete(message);
    }

    /** Fails every pending receive. */
    void fail(Throwable t) {
        List<CompletableFuture<Object>> pending;
        synchronized (this) {
            pending = new ArrayList<>(receives);
            receives.clear();
        }
        pending.forEach(f -> f.completeExceptionally(t));
    }

    synchronized int pendingReceives() {
        return receives.size();
    }

    @Override
    public CompletableFuture<Void> closeSend() {
        ops.add("closeSend");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void cancel(Throwable cause) {
        ops.add("cancel");
        cancels.incrementAndGet();
        cancelCause = cause;
        done.completeExceptionally(cause);
        fail(cause);
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }
}
