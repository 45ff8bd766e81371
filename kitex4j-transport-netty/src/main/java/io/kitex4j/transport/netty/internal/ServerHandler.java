package io.kitex4j.transport.netty.internal;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection server logic: decodes message headers, routes, decodes bodies, hands requests
 * to the engine, and writes replies. As in Kitex, a connection's requests are handled one at a
 * time, in order (frames that arrive meanwhile wait in a queue; reading pauses while it is long).
 * A connection that starts with the HTTP/2 preface is handed over to the gRPC handler.
 *
 * <p>Idle connections are closed by the event loop's {@link IdleSweeper}, with which this handler
 * registers while it is in the pipeline: reading bytes (stamped by {@link FrameDecoder}) and the
 * completion of a reply's write count as activity, as they did for the {@code IdleStateHandler}
 * this replaces, and a connection whose request is being handled is not closed.
 */
final class ServerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ServerHandler.class);
    private static final int MAX_QUEUED = 64;
    /** Bad peers are logged at WARN at most once a second (a port scan must not flood the log); the rest at DEBUG. */
    private static final long WARN_INTERVAL_NANOS = 1_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong LAST_WARN = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - WARN_INTERVAL_NANOS);
    private static final java.util.concurrent.atomic.AtomicLong SUPPRESSED = new java.util.concurrent.atomic.AtomicLong();

    private final InboundDispatcher dispatcher;
    private final NettyServerTransport transport;
    /** Requests that arrived while one was being handled; allocated when the first such request arrives. */
    private ArrayDeque<InboundFrame> queue;
    private ChannelHandlerContext ctx;
    private IdleSweeper sweeper;
    /** The sweeper's tick at this connection's last activity. */
    int lastActive;
    /** This handler's slot in its sweeper, or -1. */
    int sweepIndex = -1;
    private boolean busy;
    private boolean closing;
    private boolean peerClosed;
    private boolean awaitingWritable;

    ServerHandler(InboundDispatcher dispatcher, NettyServerTransport transport) {
        this.dispatcher = dispatcher;
        this.transport = transport;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        IdleSweeper s = transport.sweeper(ctx.executor());
        if (s != null) {
            sweeper = s;
            lastActive = s.now();
            s.add(this);
        }
    }

    /** Bytes arrived or a reply's write completed: activity for the idle timeout (on the event loop). */
    void activity() {
        IdleSweeper s = sweeper;
        if (s != null) {
            lastActive = s.now();
        }
    }

    /** Called by the sweeper when this connection has been idle for the timeout. */
    void idle() {
        if (!busy && ctx.channel().isOpen()) {
            log.debug("closing idle connection from {}", ctx.channel().remoteAddress());
            closeNow();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
        InboundFrame frame = (InboundFrame) m;
        if (frame.transport == TransportProtocol.GRPC) {
            // The client preface of HTTP/2 (gRPC): from now on the gRPC handler owns this connection.
            ByteBuf bytes = frame.payload;
            ChannelPipeline p = ctx.pipeline();
            transport.installGrpc(p);
            // Hand the bytes read so far to the gRPC handler from where this handler was, not from
            // the head of the pipeline: on TLS (without ALPN) the head is the SslHandler, and these
            // bytes are already decrypted. The handler that replaced this one is the next one of
            // this (removed) context: Netty forwards a replaced context's events to its replacement.
            ChannelHandlerContext grpc = p.context("grpc");
            if (grpc == null) {
                bytes.release();
                ctx.close();
                return;
            }
            ctx.fireChannelRead(bytes);
            return;
        }
        if (closing) {
            frame.release();
            return;
        }
        if (busy) {
            ArrayDeque<InboundFrame> q = queue;
            if (q == null) {
                queue = q = new ArrayDeque<>();
            }
            q.add(frame);
            if (q.size() >= MAX_QUEUED) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        handle(frame);
    }

    /** Runs on the event loop. */
    private void handle(InboundFrame frame) {
        RemoteMessage msg = new RemoteMessage(0, "", frame.seqId)
                .transport(frame.transport)
                .payloadProtocol(frame.payloadProtocol)
                .headers(frame.intInfo, frame.strInfo)
                .wireSize(frame.wireSize)
                .addresses((InetSocketAddress) ctx.channel().remoteAddress(), (InetSocketAddress) ctx.channel().localAddress());
        try {
            PayloadCodec codec = PayloadCodecs.require(frame.payloadProtocol);
            ByteBuf payload = frame.payload;
            try {
                codec.decodeHeader(payload, msg);
            } catch (ProtocolException e) {
                protocolError(e);
                return;
            }
            int type = msg.messageType();
            if (type != MessageType.CALL && type != MessageType.ONEWAY) {
                replyErrorAndClose(msg, new ApplicationException(ApplicationException.INVALID_MESSAGE_TYPE,
                        "invalid message type " + type + " for a request"));
                return;
            }
            try {
                dispatcher.route(msg);
            } catch (ApplicationException e) {
                if (type == MessageType.ONEWAY) {
                    log.debug("oneway call of unknown method {} from {}: {}", msg.methodName(), msg.remoteAddress(), e.getMessage());
                    closeNow();
                } else {
                    replyErrorAndClose(msg, e);
                }
                return;
            }
            try {
                codec.decodeBody(payload, msg);
            } catch (ProtocolException e) {
                protocolError(e);
                return;
            }
        } finally {
            frame.release();
        }
        busy = true;
        transport.requestStarted();
        dispatcher.dispatch(msg, new Sink(msg));
    }

    private void next() {
        busy = false;
        try {
            if (closing) {
                return;
            }
            // Start the next queued request before counting this one finished, so that the
            // server never looks idle to a graceful shutdown between two requests.
            ArrayDeque<InboundFrame> q = queue;
            if (q == null) {
                // Nothing was ever queued, so reading was never paused.
                return;
            }
            InboundFrame f = q.poll();
            if (f != null) {
                handle(f);
            }
            if (!peerClosed && q.size() < MAX_QUEUED / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        } finally {
            transport.requestFinished();
        }
    }

    /** Exception reply for a request the server cannot route; then close (Kitex closes after decode-time errors). */
    private void replyErrorAndClose(RemoteMessage request, ApplicationException e) {
        RemoteMessage reply = new RemoteMessage(MessageType.EXCEPTION, request.methodName(), request.seqId())
                .transport(request.transport())
                .payloadProtocol(request.payloadProtocol())
                .body(e);
        if (request.transport().isTTHeader()) {
            reply.intInfo().put(TTHeaderKeys.MSG_TYPE, Integer.toString(MessageType.EXCEPTION));
            reply.strInfo().put(TTHeaderKeys.CONNECTION_READY_TO_RESET, "1");
        }
        closing = true;
        ByteBuf out = FrameEncoder.encode(ctx.alloc(), reply, transport.maxFrameSize);
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }

    private void protocolError(ProtocolException e) {
        warnRateLimited("closing connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
        closeNow();
    }

    private static void warnRateLimited(String format, Object a, Object b) {
        long now = System.nanoTime();
        long last = LAST_WARN.get();
        if (now - last >= WARN_INTERVAL_NANOS && LAST_WARN.compareAndSet(last, now)) {
            long suppressed = SUPPRESSED.getAndSet(0);
            if (suppressed > 0) {
                log.warn(format + " ({} similar messages in the last interval logged at DEBUG)", a, b, suppressed);
            } else {
                log.warn(format, a, b);
            }
        } else {
            SUPPRESSED.incrementAndGet();
            log.debug(format, a, b);
        }
    }

    private void closeNow() {
        closing = true;
        releaseQueue();
        ctx.close();
    }

    private void releaseQueue() {
        ArrayDeque<InboundFrame> q = queue;
        if (q == null) {
            return;
        }
        InboundFrame f;
        while ((f = q.poll()) != null) {
            f.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Requests that arrived in full before the peer closed (typically a oneway call, after
        // which Kitex clients close at once) are still handled; only their replies are lost.
        peerClosed = true;
        if (awaitingWritable) {
            awaitingWritable = false;
            next();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (awaitingWritable && ctx.channel().isWritable()) {
            awaitingWritable = false;
            next();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (sweeper != null) {
            sweeper.remove(this);
        }
        if (!busy) {
            releaseQueue();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (t instanceof UnsupportedProtocolException) {
            refuse((UnsupportedProtocolException) t);
            return;
        }
        if (t instanceof ProtocolException) {
            protocolError((ProtocolException) t);
            return;
        }
        log.debug("connection from {} failed", ctx.channel().remoteAddress(), t);
        closeNow();
    }

    /** Tells the peer, in its own protocol, that we do not speak it yet; then closes. */
    private void refuse(UnsupportedProtocolException e) {
        warnRateLimited("refusing connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
        closing = true;
        releaseQueue();
        // TTHeader Streaming (the one kind left) has no error frame we could send before its transport exists.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Hands the engine's outcome back to this connection. */
    private final class Sink implements ReplySink {
        private final RemoteMessage request;
        private final AtomicBoolean used = new AtomicBoolean();

        Sink(RemoteMessage request) {
            this.request = request;
        }

        @Override
        public void reply(RemoteMessage reply) {
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("reply sink used twice for " + request);
            }
            ByteBuf out;
            try {
                out = FrameEncoder.encode(ctx.alloc(), reply, transport.maxFrameSize);
            } catch (RuntimeException e) {
                log.error("failed to encode the reply to {}.{}", request.serviceName(), request.methodName(), e);
                RemoteMessage err = new RemoteMessage(MessageType.EXCEPTION, request.methodName(), request.seqId())
                        .transport(request.transport()).payloadProtocol(request.payloadProtocol())
                        .body(new ApplicationException(ApplicationException.INTERNAL_ERROR,
                                "failed to encode the reply: " + e.getMessage()));
                out = FrameEncoder.encode(ctx.alloc(), err, transport.maxFrameSize);
            }
            if (reply.rpcInfo() != null) {
                reply.rpcInfo().stats().setSendSize(out.readableBytes());
            }
            ByteBuf frame = out;
            MutableRpcStats stats = reply.rpcInfo() != null ? reply.rpcInfo().stats() : null;
            Runnable write = () -> {
                if (stats != null) {
                    stats.record(StatsEvent.WRITE_START);
                }
                ctx.writeAndFlush(frame).addListener(f -> {
                    // A completed write is activity for the idle timeout (as for IdleStateHandler).
                    activity();
                    if (stats != null) {
                        stats.record(StatsEvent.WRITE_FINISH);
                    }
                    if (!f.isSuccess()) {
                        log.debug("failed to write the reply to {}", ctx.channel().remoteAddress(), f.cause());
                    }
                });
                // Writes stay in order, so the next request may start as soon as this reply is
                // queued — unless the peer is not reading: then wait until the socket drains, so a
                // client that never reads cannot make the server buffer replies without limit.
                if (ctx.channel().isWritable() || !ctx.channel().isActive()) {
                    next();
                } else {
                    awaitingWritable = true;
                }
            };
            runOnEventLoop(write, frame);
        }

        @Override
        public void done() {
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("reply sink used twice for " + request);
            }
            runOnEventLoop(ServerHandler.this::next, null);
        }

        private void runOnEventLoop(Runnable task, ByteBuf toReleaseIfRejected) {
            if (ctx.executor().inEventLoop()) {
                task.run();
                return;
            }
            try {
                ctx.executor().execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // The server was shut down after its exit wait while this handler still ran.
                log.debug("dropping the reply to {}.{}: server already shut down", request.serviceName(), request.methodName());
                if (toReleaseIfRejected != null) {
                    toReleaseIfRejected.release();
                }
                transport.requestFinished();
            }
        }
    }

    static boolean isThrift(PayloadProtocol p) {
        return p == PayloadProtocol.THRIFT_BINARY || p == PayloadProtocol.THRIFT_COMPACT;
    }

    static boolean isTTHeader(TransportProtocol t) {
        return t.isTTHeader();
    }
}
