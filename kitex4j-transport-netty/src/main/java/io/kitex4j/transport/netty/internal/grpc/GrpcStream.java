package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RpcException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.streaming.Stream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One gRPC call on one HTTP/2 stream, as the {@link Stream} both sides' engines use. State lives
 * on the connection's event loop; the public methods hop there.
 *
 * <p><b>Receiving</b> is pulled: received DATA stays in the {@link MessageDeframer} and its
 * flow-control credit is returned only when {@link #receive()} takes a message (or, for the
 * message a receive is waiting for, as its bytes arrive, so a message larger than the window
 * still gets through). A receiver that stops calling {@code receive()} therefore holds at most
 * one window of data and stops its sender. Once the peer ends its side, what is left is decoded
 * at once (it is bounded by the window) and the buffers are freed.
 *
 * <p><b>Sending</b>: {@link #send} encodes on the caller's thread, and its future completes when
 * the remote flow controller wrote the frame to the socket (the write promise), so a producer
 * that waits for it never runs ahead of the peer's window. {@link #isReady()} is true when no
 * send is pending and the stream's window is open.
 */
abstract class GrpcStream implements Stream {
    final GrpcHandler handler;
    final EventExecutor loop;
    final ByteBufAllocator alloc;
    final PayloadCodec payloadCodec;
    final MessageCodec<?> inCodec;
    final MessageCodec<?> outCodec;
    final CallHeaders callHeaders;
    final int maxMessageSize;
    int id;

    // inbound (event loop)
    final MessageDeframer deframer;
    boolean inboundGzip;
    private final ArrayDeque<Object> decoded = new ArrayDeque<>();
    private CompletableFuture<Object> pendingReceive;
    private boolean delivering;
    private boolean inboundEnded;
    private Throwable inboundEndError;
    private int consumedAhead;
    long receivedBytes;

    // outbound
    private final AtomicInteger pendingSends = new AtomicInteger();
    /** Outbound operations (sends, half-close) waiting for the event loop, in submission order. */
    private final ConcurrentLinkedQueue<Op> outbound = new ConcurrentLinkedQueue<>();
    private boolean runningOutbound;
    private volatile boolean writable;
    boolean outboundClosed;
    long sentBytes;

    // end of the call
    private volatile Throwable failure;
    /** The error sends and done() report once the call ended (null after OK). */
    private volatile Throwable endError;
    volatile boolean ended;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private ScheduledFuture<?> deadlineTimer;

    GrpcStream(GrpcHandler handler, PayloadCodec payloadCodec, MessageCodec<?> inCodec, MessageCodec<?> outCodec,
               CallHeaders callHeaders) {
        this.handler = handler;
        this.loop = handler.ctx.executor();
        this.alloc = handler.ctx.alloc();
        this.payloadCodec = payloadCodec;
        this.inCodec = inCodec;
        this.outCodec = outCodec;
        this.callHeaders = callHeaders;
        this.maxMessageSize = handler.config.grpcMaxMessageSize();
        this.deframer = new MessageDeframer(maxMessageSize);
    }

    // ------------------------------------------------------------------ side-specific

    /** Ends the call abnormally from this side with {@code status}, telling the peer (RST_STREAM or trailers). */
    abstract void abort(StatusException status);

    /** Runs before the first message goes out (the server's response headers). */
    void beforeFirstSend() {
    }

    /** Whether the message about to go out is to be gzip-compressed. */
    abstract boolean compressOutbound();

    /** Called once when the call ended, normally or not. */
    void onEnded() {
    }

    /** The peer reset the stream. */
    abstract void onReset(long errorCode);

    /** The connection closed under the call. */
    abstract void onConnectionClosed();

    /** Netty closed the HTTP/2 stream (both sides done or reset). */
    void onStreamClosed() {
        deframer.release();
    }

    /** The deadline passed. */
    abstract void onDeadline();

    // ------------------------------------------------------------------ Stream

    @Override
    public CompletableFuture<Object> receive() {
        CompletableFuture<Object> f = new CompletableFuture<>();
        execute(() -> {
            if (pendingReceive != null) {
                f.completeExceptionally(new IllegalStateException("a receive is already outstanding on this stream"));
                return;
            }
            pendingReceive = f;
            deliver();
        }, f);
        return f;
    }

    @Override
    public CompletableFuture<Void> send(Object message) {
        return send(message, false);
    }

    /** Sends one message; {@code endStream} also ends this side (a unary client's request). */
    CompletableFuture<Void> send(Object message, boolean endStream) {
        Throwable err = sendError();
        if (err != null) {
            return CompletableFuture.failedFuture(err);
        }
        ByteBuf bare;
        try {
            bare = GrpcCodec.encodeBare(alloc, payloadCodec, outCodec, message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new StatusException(StatusCode.INTERNAL,
                    "failed to encode the message: " + e.getMessage(), e));
        }
        return sendEncoded(bare, endStream);
    }

    /**
     * Sends one message already encoded by {@link GrpcCodec#encodeBare} (this takes ownership of
     * {@code bare}). Writes go out in the order of the calls, whatever thread they come from.
     */
    CompletableFuture<Void> sendEncoded(ByteBuf bare, boolean endStream) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pendingSends.incrementAndGet();
        writable = false;
        submit(new Op() {
            @Override
            public void run() {
                writeMessage(bare, endStream, f);
            }

            @Override
            public void reject(Throwable cause) {
                pendingSends.decrementAndGet();
                bare.release();
                f.completeExceptionally(cause);
            }
        });
        return f;
    }

    /** An outbound operation of this stream, run on the event loop in submission order. */
    interface Op {
        void run();

        /** The event loop refused the operation (shut down): release what it holds. */
        void reject(Throwable cause);
    }

    /**
     * Queues an outbound operation behind the ones submitted before it and runs what is queued
     * when on the event loop: an operation never overtakes an earlier one still waiting for the
     * loop (a send from a user thread, then a send or close from a callback on the loop).
     */
    final void submit(Op op) {
        outbound.add(op);
        if (loop.inEventLoop()) {
            runOutbound();
            return;
        }
        try {
            loop.execute(this::runOutbound);
        } catch (RejectedExecutionException e) {
            StatusException cause = new StatusException(StatusCode.UNAVAILABLE, "transport shut down", e);
            Op o;
            while ((o = outbound.poll()) != null) {
                o.reject(cause);
            }
        }
    }

    /** On the event loop: runs the queued outbound operations (not re-entrantly: a nested submit is picked up here). */
    final void runOutbound() {
        if (runningOutbound) {
            return;
        }
        runningOutbound = true;
        try {
            Op o;
            while ((o = outbound.poll()) != null) {
                o.run();
            }
        } finally {
            runningOutbound = false;
        }
    }

    private Throwable sendError() {
        Throwable t = failure;
        if (t != null) {
            return t;
        }
        if (ended) {
            Throwable e = endError;
            return e != null ? e : new RpcException(ErrorKind.STREAMING_PROTOCOL, "the call already ended");
        }
        return null;
    }

    private void writeMessage(ByteBuf bare, boolean endStream, CompletableFuture<Void> f) {
        Throwable err = sendError();
        if (err == null && outboundClosed) {
            err = new RpcException(ErrorKind.STREAMING_PROTOCOL, "send after closeSend");
        }
        if (err != null) {
            bare.release();
            pendingSends.decrementAndGet();
            f.completeExceptionally(err);
            return;
        }
        ByteBuf frame;
        try {
            beforeFirstSend();
        } catch (RuntimeException e) {
            bare.release(); // still ours: framing has not started
            failSend(f, "failed to send the response headers", e);
            return;
        }
        try {
            frame = GrpcCodec.frame(alloc, bare, compressOutbound()); // consumes bare, also when it fails
        } catch (RuntimeException e) {
            failSend(f, "failed to frame the message", e);
            return;
        }
        sentBytes += frame.readableBytes();
        ChannelPromise p = handler.ctx.newPromise();
        p.addListener(w -> {
            pendingSends.decrementAndGet();
            updateReady();
            if (w.isSuccess()) {
                f.complete(null);
            } else {
                Throwable t = failure != null ? failure : endError;
                f.completeExceptionally(t != null ? t : new StatusException(StatusCode.UNAVAILABLE,
                        "failed to send the message: " + w.cause(), w.cause()));
            }
        });
        if (endStream) {
            outboundClosed = true;
        }
        handler.encoder().writeData(handler.ctx, id, frame, 0, endStream, p);
        handler.scheduleFlush();
        updateReady();
    }

    private void failSend(CompletableFuture<Void> f, String what, RuntimeException e) {
        pendingSends.decrementAndGet();
        StatusException st = new StatusException(StatusCode.INTERNAL, what + ": " + e.getMessage(), e);
        f.completeExceptionally(st);
        abort(st);
    }

    /** Ends this side's messages with an empty END_STREAM DATA frame (the client's half-close), after the sends before it. */
    CompletableFuture<Void> halfClose() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        submit(new Op() {
            @Override
            public void run() {
                writeHalfClose(f);
            }

            @Override
            public void reject(Throwable cause) {
                f.completeExceptionally(cause);
            }
        });
        return f;
    }

    private void writeHalfClose(CompletableFuture<Void> f) {
        if (outboundClosed || ended && failure == null && endError == null) {
            f.complete(null); // already half-closed, or the call is over with OK: nothing to end
            return;
        }
        Throwable err = sendError();
        if (err != null) {
            f.completeExceptionally(err);
            return;
        }
        outboundClosed = true;
        ChannelPromise p = handler.ctx.newPromise();
        p.addListener(w -> {
            if (w.isSuccess()) {
                f.complete(null);
            } else {
                Throwable t = failure;
                f.completeExceptionally(t != null ? t : new StatusException(StatusCode.UNAVAILABLE,
                        "failed to half-close: " + w.cause(), w.cause()));
            }
        });
        handler.encoder().writeData(handler.ctx, id, alloc.buffer(0, 0), 0, true, p);
        handler.scheduleFlush();
    }

    @Override
    public void cancel(Throwable cause) {
        // The peer sees CANCELLED (RST_STREAM CANCEL); this side keeps a status the caller chose
        // (the engine cancels with DEADLINE_EXCEEDED when the call's deadline passes).
        StatusException st = cause instanceof StatusException
                ? (StatusException) cause
                : new StatusException(StatusCode.CANCELLED, cause == null ? "cancelled" : String.valueOf(cause.getMessage()), cause);
        execute(() -> {
            if (!ended) {
                fail(st);
                resetStream(Http2Error.CANCEL);
            }
        }, null);
    }

    @Override
    public boolean isReady() {
        return !ended && pendingSends.get() == 0 && writable;
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Messages sent but not yet written by the flow controller (for tests and diagnosis). */
    int pendingSends() {
        return pendingSends.get();
    }

    // ------------------------------------------------------------------ event-loop internals

    /** Recomputes readiness from the flow controller. */
    void updateReady() {
        writable = !ended && handler.isWritable(id);
    }

    void execute(Runnable task, CompletableFuture<?> failIfRejected) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            if (failIfRejected != null) {
                failIfRejected.completeExceptionally(new StatusException(StatusCode.UNAVAILABLE, "transport shut down", e));
            }
        }
    }

    void scheduleDeadline(long deadlineNanos) {
        long delay = deadlineNanos - System.nanoTime();
        deadlineTimer = loop.schedule(() -> {
            if (!ended) {
                onDeadline();
            }
        }, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    /** DATA arrived (the handler returns only the padding to flow control; the data is returned as messages are taken). */
    void onData(ByteBuf data, boolean endStream) {
        if (ended || inboundEnded) {
            int n = data.readableBytes();
            handler.consumeBytes(id, n);
            if (endStream && !inboundEnded) {
                inboundEnded = true;
            }
            return;
        }
        int n = data.readableBytes();
        receivedBytes += n;
        if (n > 0) {
            deframer.add(data.retainedSlice());
        }
        try {
            deframer.headWireLength(); // refuses an oversize message as soon as its prefix is in
        } catch (StatusException e) {
            abort(e);
            return;
        }
        if (endStream) {
            endInbound(null);
        }
        deliver();
    }

    /**
     * The peer ended its side: {@code error} is what receives report after the messages already
     * in (null for a normal end). What is left is decoded now and the buffers are freed.
     */
    void endInbound(Throwable error) {
        if (inboundEnded) {
            return;
        }
        inboundEnded = true;
        inboundEndError = error;
        while (true) {
            ByteBuf payload;
            try {
                payload = deframer.poll(alloc);
            } catch (StatusException e) {
                decoded.add(new Failed(e));
                break;
            }
            if (payload == null) {
                break;
            }
            try {
                decoded.add(new Decoded(decode(payload, deframer.lastCompressed()), deframer.lastCompressed()));
            } catch (StatusException e) {
                decoded.add(new Failed(e));
                break;
            }
        }
        if (deframer.readableBytes() > 0 && (decoded.isEmpty() || !(decoded.peekLast() instanceof Failed))) {
            decoded.add(new Failed(new StatusException(StatusCode.INTERNAL, "Encountered end-of-stream mid-frame")));
        }
        deframer.release();
        consumedAhead = 0;
    }

    /** Hands messages to a waiting receive as long as there are any. */
    void deliver() {
        if (delivering) {
            return; // a receive issued from a completion callback: the loop below picks it up
        }
        delivering = true;
        try {
            while (pendingReceive != null) {
                Throwable f = failure;
                if (f != null) {
                    takeReceive().completeExceptionally(f);
                    break;
                }
                Object next = decoded.poll();
                if (next instanceof Failed) {
                    abort(((Failed) next).error);
                    continue;
                }
                if (next != null) {
                    Decoded d = (Decoded) next;
                    if (callHeaders != null) {
                        callHeaders.requestCompressed(d.compressed);
                    }
                    takeReceive().complete(d.message);
                    continue;
                }
                if (inboundEnded) {
                    if (inboundEndError != null) {
                        takeReceive().completeExceptionally(inboundEndError);
                    } else {
                        takeReceive().complete(null);
                    }
                    break;
                }
                if (ended) {
                    // The server answered before the client finished sending: nothing more is read.
                    Throwable e = endError;
                    takeReceive().completeExceptionally(e != null ? e
                            : new RpcException(ErrorKind.STREAMING_PROTOCOL, "the call already ended"));
                    break;
                }
                long total;
                try {
                    total = deframer.headWireLength();
                } catch (StatusException e) {
                    abort(e);
                    continue;
                }
                int buffered = deframer.readableBytes();
                if (total >= 0 && buffered >= total) {
                    handler.consumeBytes(id, (int) total - consumedAhead);
                    consumedAhead = 0;
                    ByteBuf payload = deframer.poll(alloc);
                    boolean compressed = deframer.lastCompressed();
                    Object m;
                    try {
                        m = decode(payload, compressed);
                    } catch (StatusException e) {
                        abort(e);
                        continue;
                    }
                    if (callHeaders != null) {
                        callHeaders.requestCompressed(compressed);
                    }
                    takeReceive().complete(m);
                } else {
                    // The receive waits for this message: let its bytes in even past the window.
                    int want = total >= 0 ? (int) Math.min(total, buffered) : buffered;
                    if (want > consumedAhead) {
                        handler.consumeBytes(id, want - consumedAhead);
                        consumedAhead = want;
                    }
                    break;
                }
            }
        } finally {
            delivering = false;
        }
    }

    private CompletableFuture<Object> takeReceive() {
        CompletableFuture<Object> f = pendingReceive;
        pendingReceive = null;
        return f;
    }

    /** Decodes one message payload (releasing it). */
    private Object decode(ByteBuf payload, boolean compressed) {
        ByteBuf body = payload;
        try {
            if (compressed) {
                if (!inboundGzip) {
                    throw new StatusException(StatusCode.INTERNAL,
                            "Can't decode compressed gRPC message as compression not configured (no grpc-encoding)");
                }
                body = GrpcCodec.gunzip(alloc, payload, maxMessageSize);
            }
            try {
                return payloadCodec.decodeMessage(body, inCodec);
            } catch (StatusException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StatusException(StatusCode.INTERNAL, "Invalid message: " + e.getMessage(), e);
            }
        } finally {
            payload.release();
            if (body != payload) {
                body.release();
            }
        }
    }

    /**
     * Ends the call abruptly with {@code error}: pending and later receives and sends fail, the
     * buffers are freed. Returns false when it had already ended.
     */
    boolean fail(Throwable error) {
        if (ended) {
            return false;
        }
        failure = error;
        endError = error;
        ended = true;
        writable = false;
        cancelDeadline();
        deframer.release();
        decoded.clear();
        CompletableFuture<Object> r = pendingReceive;
        pendingReceive = null;
        if (r != null) {
            r.completeExceptionally(error);
        }
        done.completeExceptionally(error);
        onEnded();
        return true;
    }

    /**
     * Ends the call with a status ({@code error} null for OK): messages already received stay
     * readable; sends and {@link #done()} report {@code error}. Returns false when it had already
     * ended.
     */
    boolean finish(Throwable error) {
        if (ended) {
            return false;
        }
        endError = error;
        ended = true;
        writable = false;
        cancelDeadline();
        if (error != null) {
            done.completeExceptionally(error);
        } else {
            done.complete(null);
        }
        onEnded();
        return true;
    }

    boolean inboundEnded() {
        return inboundEnded;
    }

    private void cancelDeadline() {
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
    }

    /** Sends RST_STREAM if the stream is still open on the wire (or still waits in the client's stream buffer). */
    void resetStream(Http2Error error) {
        if (id <= 0) {
            return;
        }
        io.netty.handler.codec.http2.Http2Stream s = handler.connection().stream(id);
        boolean buffered = s == null && !handler.connection().isServer() && id > handler.connection().local().lastStreamCreated();
        if (s != null || buffered) {
            handler.encoder().writeRstStream(handler.ctx, id, error.code(), handler.ctx.newPromise());
            handler.scheduleFlush();
        }
    }

    private static final class Decoded {
        final Object message;
        final boolean compressed;

        Decoded(Object message, boolean compressed) {
            this.message = message;
            this.compressed = compressed;
        }
    }

    private static final class Failed {
        final StatusException error;

        Failed(StatusException error) {
            this.error = error;
        }
    }
}
