package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.errors.ConnectionException;
import io.kitex4j.remote.transport.TransportConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one HTTP/2 connection: h2c with prior knowledge (or TLS with ALPN
 * {@code h2}), calls as {@link ClientCall}s, the peer's MAX_CONCURRENT_STREAMS honoured by
 * Netty's stream-buffering encoder, and GOAWAY: no new calls, the rest finish, then close.
 */
final class GrpcClientHandler extends GrpcHandler {
    private static final Logger log = LoggerFactory.getLogger(GrpcClientHandler.class);

    final GrpcClientConnection conn;
    volatile String goAwayReason;
    /** Client streams count 1, 3, 5, … as Kitex's do (Netty's own counter starts at 3, keeping 1 for HTTP/1 upgrade). */
    private int nextStreamId = 1;

    private GrpcClientHandler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings,
                              TransportConfig config, GrpcClientConnection conn) {
        super(decoder, encoder, settings, config);
        this.conn = conn;
    }

    static GrpcClientHandler create(TransportConfig config, GrpcClientConnection conn) {
        Http2Settings s = new Http2Settings()
                .initialWindowSize(config.grpcInitialWindowSize())
                .pushEnabled(false)
                .maxHeaderListSize(config.grpcMaxHeaderListSize());
        return new Builder<GrpcClientHandler>(false, s, (d, e, st) -> new GrpcClientHandler(d, e, st, config, conn))
                .withFrameLogger(new Http2FrameLogger(LogLevel.TRACE, GrpcClientHandler.class)).newHandler();
    }

    /** The id of the next stream, or -1 when the connection has run out of them. On the event loop. */
    int allocateStreamId() {
        int id = nextStreamId;
        if (id < 0) {
            return -1;
        }
        nextStreamId = id <= Integer.MAX_VALUE - 2 ? id + 2 : -1;
        return id;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        startKeepAlive(config.grpcClientKeepaliveTime().toNanos(), config.grpcKeepaliveTimeout().toNanos());
        if (ctx.pipeline().get(SslHandler.class) == null) {
            conn.ready.complete(conn);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent) {
            SslHandshakeCompletionEvent e = (SslHandshakeCompletionEvent) evt;
            if (!e.isSuccess()) {
                conn.ready.completeExceptionally(new ConnectionException("TLS handshake with " + conn.address + " failed: "
                        + e.cause().getMessage(), e.cause()));
                ctx.close();
            } else {
                String protocol = ctx.pipeline().get(SslHandler.class).applicationProtocol();
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    conn.ready.complete(conn);
                } else {
                    conn.ready.completeExceptionally(new ConnectionException("server " + conn.address
                            + " did not negotiate HTTP/2 over TLS (ALPN: " + protocol + ")"));
                    ctx.close();
                }
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        conn.closed = true;
        conn.ready.completeExceptionally(new ConnectionException("connection to " + conn.address + " closed before it was ready"));
        super.channelInactive(ctx);
    }

    @Override
    void goAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
        conn.draining = true;
        String debug = debugData == null || !debugData.isReadable() ? "" : ", " + debugData.toString(StandardCharsets.UTF_8);
        goAwayReason = "GOAWAY " + ServerCall.errorName(errorCode) + debug;
        log.debug("{} from {} (last stream {})", goAwayReason, conn.address, lastStreamId);
    }

    @Override
    void afterStreamClosed() {
        if (conn.draining && connection().numActiveStreams() == 0 && streams.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
        if (connection().numActiveStreams() == 0 && streams.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
        Long max = settings.maxConcurrentStreams();
        if (max != null) {
            conn.maxStreams = (int) Math.min(Integer.MAX_VALUE, max);
        }
    }

    @Override
    public void onPingRead(ChannelHandlerContext ctx, long data) {
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
        GrpcStream s = streams.get(streamId);
        if (s instanceof ClientCall) {
            ((ClientCall) s).onHeaders(headers, endOfStream);
        }
    }
}
