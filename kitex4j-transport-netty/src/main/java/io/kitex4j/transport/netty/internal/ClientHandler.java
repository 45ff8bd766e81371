package io.kitex4j.transport.netty.internal;

import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.CompletableFuture;

/**
 * Per-connection client logic: one request in flight at a time (Kitex's default, no pipelining).
 * Decodes the reply, completes the pending call, and gives the connection back to the pool, or
 * closes it when the reply said {@code crrst}, the call failed, or the caller gave up first.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionPool pool;
    private ChannelHandlerContext ctx;
    /** Accessed on the event loop only. */
    private Pending pending;
    /** Set when the server said it will close this connection (crrst). */
    private boolean resetByPeer;

    ClientHandler(ConnectionPool pool) {
        this.pool = pool;
    }

    static final class Pending {
        final RemoteMessage request;
        final CompletableFuture<RemoteMessage> result;

        Pending(RemoteMessage request, CompletableFuture<RemoteMessage> result) {
            this.request = request;
            this.result = result;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Registers the call about to be written. Event loop only. */
    void start(Pending p) {
        this.pending = p;
    }

    /** The caller completed the call first (timeout, cancel): this connection may still get a reply; close it. */
    void abandon(Pending p) {
        if (pending == p) {
            pending = null;
            ctx.close();
        }
    }

    /** The call's deadline passed with no reply: fail it and close, since the reply may still come. */
    void expire(Pending p, Throwable cause) {
        if (pending == p) {
            pending = null;
            p.result.completeExceptionally(cause);
            ctx.close();
        }
    }

    /** Fails the pending call and closes. */
    void fail(Pending p, Throwable cause) {
        if (pending == p) {
            pending = null;
            p.result.completeExceptionally(cause);
        }
        ctx.close();
    }

    boolean resetByPeer() {
        return resetByPeer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
        InboundFrame frame = (InboundFrame) m;
        try {
            if (frame.strInfo != null && "1".equals(frame.strInfo.get(TTHeaderKeys.CONNECTION_READY_TO_RESET))) {
                resetByPeer = true;
            }
            Pending p = pending;
            if (p == null) {
                // A reply nobody waits for (the caller gave up), or a control frame (seq 0, crrst).
                if (!resetByPeer) {
                    ctx.close();
                }
                return;
            }
            MutableRpcStats stats = p.request.rpcInfo() != null ? p.request.rpcInfo().stats() : null;
            if (stats != null) {
                stats.record(StatsEvent.WAIT_READ_FINISH);
                stats.record(StatsEvent.READ_START);
            }
            RemoteMessage reply = new RemoteMessage(0, "", 0)
                    .transport(frame.transport)
                    .payloadProtocol(frame.payloadProtocol)
                    .headers(frame.intInfo, frame.strInfo)
                    .wireSize(frame.wireSize);
            try {
                PayloadCodec codec = PayloadCodecs.require(frame.payloadProtocol);
                codec.decodeHeader(frame.payload, reply);
                int type = reply.messageType();
                if (type != MessageType.REPLY && type != MessageType.EXCEPTION) {
                    throw new ProtocolException("unexpected message type " + type + " in a reply");
                }
                if (type == MessageType.REPLY && reply.seqId() == p.request.seqId()
                        && reply.methodName().equals(p.request.methodName())) {
                    reply.method(p.request.method());
                }
                if (type == MessageType.EXCEPTION || reply.method() != null) {
                    codec.decodeBody(frame.payload, reply);
                }
            } catch (RuntimeException e) {
                fail(p, new RemoteOrNetworkException("malformed reply: " + e.getMessage(), e));
                return;
            }
            if (stats != null) {
                stats.record(StatsEvent.READ_FINISH);
            }
            pending = null;
            boolean reusable = !resetByPeer && reply.messageType() == MessageType.REPLY;
            if (reusable) {
                pool.release(ctx.channel());
            } else {
                ctx.close();
            }
            p.result.complete(reply);
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Pending p = pending;
        if (p != null) {
            pending = null;
            p.result.completeExceptionally(new RemoteOrNetworkException(
                    "connection closed by peer " + ctx.channel().remoteAddress() + " before the reply"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        Pending p = pending;
        if (p != null) {
            fail(p, new RemoteOrNetworkException(t.getMessage() == null ? t.toString() : t.getMessage(), t));
        } else {
            ctx.close();
        }
    }
}
