package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.remote.transport.TransportConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one HTTP/2 connection: validates request headers (method, content type,
 * path, {@code grpc-timeout}, {@code grpc-encoding}), routes through the engine, and runs each
 * call as a {@link ServerCall}. Requests that cannot become calls are answered on their stream
 * the way grpc-java (HTTP errors) and grpc-go / Kitex (gRPC statuses) do; the connection itself
 * is only torn down for HTTP/2 protocol errors (by Netty: GOAWAY and close) and ping abuse.
 */
final class GrpcServerHandler extends GrpcHandler {
    private static final Logger log = LoggerFactory.getLogger(GrpcServerHandler.class);
    private static final int MAX_PING_STRIKES = 2;

    final GrpcServer server;
    private final long minPingIntervalNanos;
    private long lastPingAt = System.nanoTime() - 86_400_000_000_000L;
    private int pingStrikes;
    private boolean resetPingStrikes;
    private boolean draining;
    private boolean secondGoAwaySent;
    private boolean drained;
    /** The PING that follows the first GOAWAY of a drain ("drain-gw"). */
    static final long DRAIN_PING = 0x647261696e2d6777L;
    /** A client that does not answer the drain PING gets the second GOAWAY after this. */
    static final long DRAIN_PING_TIMEOUT_MILLIS = 2000;
    /** How long a drained connection waits for its client to close it. */
    static final long DRAIN_LINGER_MILLIS = 1000;

    private GrpcServerHandler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings,
                              GrpcServer server) {
        super(decoder, encoder, settings, server.config);
        this.server = server;
        this.minPingIntervalNanos = server.config.grpcMinPingInterval().toNanos();
    }

    static GrpcServerHandler create(GrpcServer server) {
        TransportConfig c = server.config;
        Http2Settings s = new Http2Settings().maxHeaderListSize(c.grpcMaxHeaderListSize());
        if (c.grpcInitialWindowSize() != Http2CodecDefaults.WINDOW) {
            s.initialWindowSize(c.grpcInitialWindowSize());
        }
        if (c.grpcMaxConcurrentStreams() != Integer.MAX_VALUE) {
            s.maxConcurrentStreams(c.grpcMaxConcurrentStreams());
        }
        OutboundFrames frames = new OutboundFrames();
        GrpcServerHandler h = new Builder<GrpcServerHandler>(true, s, (d, e, st) -> new GrpcServerHandler(d, e, st, server))
                .withFrameLogger(frames).newHandler();
        frames.handler = h;
        return h;
    }

    /**
     * Watches the frames the server writes: every HEADERS or DATA frame makes client pings
     * legitimate again (grpc-go resets its ping strikes the same way), so BDP pings of a client
     * receiving a large message are never mistaken for abuse. Also logs frames at TRACE.
     */
    private static final class OutboundFrames extends Http2FrameLogger {
        GrpcServerHandler handler;

        OutboundFrames() {
            super(LogLevel.TRACE, GrpcServerHandler.class);
        }

        @Override
        public void logData(Direction direction, ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding,
                            boolean endStream) {
            if (direction == Direction.OUTBOUND && handler != null) {
                handler.resetPingStrikes();
            }
            super.logData(direction, ctx, streamId, data, padding, endStream);
        }

        @Override
        public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                               boolean endStream) {
            if (direction == Direction.OUTBOUND && handler != null) {
                handler.resetPingStrikes();
            }
            super.logHeaders(direction, ctx, streamId, headers, padding, endStream);
        }

        @Override
        public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers,
                               int streamDependency, short weight, boolean exclusive, int padding, boolean endStream) {
            if (direction == Direction.OUTBOUND && handler != null) {
                handler.resetPingStrikes();
            }
            super.logHeaders(direction, ctx, streamId, headers, streamDependency, weight, exclusive, padding, endStream);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        server.register(this);
        startKeepAlive(config.grpcKeepaliveTime().toNanos(), config.grpcKeepaliveTimeout().toNanos());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        server.unregister(this);
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
        server.unregister(this);
        super.handlerRemoved0(ctx);
    }

    /**
     * Graceful shutdown with grpc-go's and grpc-java's double GOAWAY: a first GOAWAY (NO_ERROR,
     * last stream 2^31-1) tells the client to open no more streams here, and a PING follows it;
     * when the PING is acknowledged the client has seen the GOAWAY, so the second GOAWAY can name
     * the real last stream without refusing a stream the client sent in between (which, with its
     * DATA following, would otherwise end the whole connection in a protocol error). Calls
     * already accepted go on; new ones go elsewhere.
     */
    void drain() {
        if (ctx == null) {
            return;
        }
        ctx.executor().execute(() -> {
            if (draining || !ctx.channel().isActive()) {
                return;
            }
            draining = true;
            goAway(ctx, Integer.MAX_VALUE, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER, ctx.newPromise());
            encoder().writePing(ctx, false, DRAIN_PING, ctx.newPromise());
            flushNow();
            ctx.executor().schedule(this::secondGoAway, DRAIN_PING_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    /** The second GOAWAY of {@link #drain()}: the last stream this server accepted. */
    private void secondGoAway() {
        if (secondGoAwaySent || !ctx.channel().isActive()) {
            return;
        }
        secondGoAwaySent = true;
        goAway(ctx, connection().remote().lastStreamCreated(), Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER,
                ctx.newPromise());
        flushNow();
        afterStreamClosed();
    }

    @Override
    public void onPingAckRead(ChannelHandlerContext ctx, long data) {
        if (data == DRAIN_PING && draining) {
            secondGoAway();
            return;
        }
        super.onPingAckRead(ctx, data);
    }

    /**
     * After GOAWAY, once the last call is over: end our side of the connection and let the
     * client close it (gRPC clients close a drained connection), so that the bytes it sends
     * meanwhile (a BDP ping after our last DATA) are read rather than left unread, which would
     * make the close a TCP reset that can destroy our last response in flight. A client that does
     * not close is closed after {@link #DRAIN_LINGER_MILLIS}.
     */
    @Override
    void afterStreamClosed() {
        if (!secondGoAwaySent || drained || !streams.isEmpty() || connection().numActiveStreams() > 0) {
            return;
        }
        drained = true;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl != null) {
                ssl.closeOutbound();
            } else if (ctx.channel() instanceof DuplexChannel) {
                ((DuplexChannel) ctx.channel()).shutdownOutput();
            } else {
                ctx.close();
            }
        });
        ctx.executor().schedule(() -> {
            ctx.close();
        }, DRAIN_LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The server sent HEADERS or DATA: client pings are legitimate again (grpc-go's rule). */
    void resetPingStrikes() {
        resetPingStrikes = true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (streams.isEmpty()) {
                log.debug("closing idle gRPC connection from {}", ctx.channel().remoteAddress());
                goAway(ctx, connection().remote().lastStreamCreated(), Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER,
                        ctx.newPromise());
                flushNow();
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    // ------------------------------------------------------------------ frames

    @Override
    public void onPingRead(ChannelHandlerContext ctx, long data) {
        // Netty has acked it already. Enforce the minimum interval (grpc-go's policy).
        if (minPingIntervalNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (resetPingStrikes) {
            resetPingStrikes = false;
            pingStrikes = 0;
        } else if (now - lastPingAt < minPingIntervalNanos) {
            pingStrikes++;
        }
        lastPingAt = now;
        if (pingStrikes > MAX_PING_STRIKES) {
            log.debug("too many pings from {}; sending GOAWAY ENHANCE_YOUR_CALM", ctx.channel().remoteAddress());
            ChannelPromise p = ctx.newPromise();
            p.addListener(f -> ctx.close());
            goAway(ctx, connection().remote().lastStreamCreated(), Http2Error.ENHANCE_YOUR_CALM.code(),
                    Unpooled.copiedBuffer("too_many_pings", StandardCharsets.US_ASCII), p);
            flushNow();
        }
    }

    @Override
    public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
        GrpcStream existing = streams.get(streamId);
        if (existing != null) {
            // Trailers from the client: only their END_STREAM means anything to gRPC.
            if (endOfStream) {
                existing.onData(Unpooled.EMPTY_BUFFER, true);
            }
            return;
        }
        Http2Stream stream = connection().stream(streamId);
        if (stream == null || stream.state() == Http2Stream.State.HALF_CLOSED_LOCAL || stream.state() == Http2Stream.State.CLOSED) {
            return; // a stream we already answered
        }
        try {
            newCall(streamId, headers, endOfStream);
        } catch (RuntimeException e) {
            log.warn("failed to start the gRPC call on stream {} from {}", streamId, ctx.channel().remoteAddress(), e);
            respond(streamId, 200, StatusCode.INTERNAL, "failed to start the call: " + e, endOfStream);
        }
    }

    private void newCall(int streamId, Http2Headers h, boolean endOfStream) {
        CharSequence method = h.method();
        if (method == null || !GrpcMetadata.POST.contentEquals(method)) {
            respond(streamId, 405, StatusCode.INTERNAL, "Method '" + method + "' is not supported", endOfStream);
            return;
        }
        CharSequence ct = h.get(GrpcMetadata.CONTENT_TYPE);
        if (!GrpcMetadata.isGrpcContentType(ct)) {
            respond(streamId, 415, StatusCode.INTERNAL, "Content-Type '" + ct + "' is not supported", endOfStream);
            return;
        }
        String path = h.path() == null ? "" : h.path().toString();
        // As Kitex: split on the last '/' ("/<pkg>.<Service>/<Method>").
        String sm = path.startsWith("/") ? path.substring(1) : path;
        int slash = sm.lastIndexOf('/');
        if (slash < 0) {
            respond(streamId, 200, StatusCode.INTERNAL, "malformed method name, method=\"" + path + "\"", endOfStream);
            return;
        }
        String service = sm.substring(0, slash);
        String methodName = sm.substring(slash + 1);
        long deadline = 0;
        String timeout = GrpcMetadata.get(h, GrpcMetadata.GRPC_TIMEOUT);
        if (timeout != null) {
            long nanos;
            try {
                nanos = GrpcTimeout.decode(timeout);
            } catch (IllegalArgumentException e) {
                respond(streamId, 200, StatusCode.INTERNAL, "malformed grpc-timeout: " + e.getMessage(), endOfStream);
                return;
            }
            if (nanos < Long.MAX_VALUE / 4) {
                deadline = System.nanoTime() + nanos;
                if (deadline == 0) {
                    deadline = 1;
                }
            }
        }
        boolean requestGzip = false;
        String encoding = GrpcMetadata.get(h, GrpcMetadata.GRPC_ENCODING);
        if (encoding != null && !encoding.equals("identity")) {
            if (!encoding.equals("gzip")) {
                // The spec: the response SHOULD say which encodings the server accepts.
                respond(streamId, 200, StatusCode.UNIMPLEMENTED,
                        "grpc: Decompressor is not installed for grpc-encoding \"" + encoding + "\"", endOfStream,
                        GrpcMetadata.GRPC_ACCEPT_ENCODING, GrpcMetadata.GZIP);
                return;
            }
            requestGzip = true;
        }
        boolean acceptsGzip = acceptsGzip(GrpcMetadata.get(h, GrpcMetadata.GRPC_ACCEPT_ENCODING));
        PayloadProtocol protocol = GrpcMetadata.isThrift(ct) ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.PROTOBUF;
        PayloadCodec codec = PayloadCodecs.get(protocol);
        if (codec == null) {
            respond(streamId, 200, StatusCode.UNIMPLEMENTED, "no payload codec for " + protocol
                    + " on the server's class path", endOfStream);
            return;
        }
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, methodName, streamId)
                .serviceName(service)
                .transport(TransportProtocol.GRPC)
                .payloadProtocol(protocol)
                .callHeaders(new CallHeaders())
                .deadlineNanos(deadline)
                .addresses((InetSocketAddress) ctx.channel().remoteAddress(), (InetSocketAddress) ctx.channel().localAddress());
        GrpcMetadata.custom(h, GrpcMetadata.REQUEST_RESERVED, msg.strInfo());
        try {
            server.dispatcher.route(msg);
        } catch (ApplicationException e) {
            if (e.typeId() == ApplicationException.UNKNOWN_METHOD || e.typeId() == ApplicationException.UNKNOWN_SERVICE) {
                // grpc-java's wording; Kitex would send the TransError type id (1/20) as the code.
                respond(streamId, 200, StatusCode.UNIMPLEMENTED, "Method not found: " + service + "/" + methodName, endOfStream);
            } else {
                respond(streamId, 200, StatusCode.INTERNAL, e.getMessage(), endOfStream);
            }
            return;
        }
        if (msg.method() == null) {
            respond(streamId, 200, StatusCode.UNIMPLEMENTED, "Method not found: " + service + "/" + methodName, endOfStream);
            return;
        }
        ServerCall call = new ServerCall(this, streamId, msg, codec, ct.toString(), acceptsGzip, requestGzip);
        streams.put(streamId, call);
        server.callStarted();
        if (deadline != 0) {
            call.scheduleDeadline(deadline);
        }
        if (endOfStream) {
            call.endInbound(null);
        }
        call.start();
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String token : acceptEncoding.split(",")) {
            if (token.trim().equals("gzip")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers a stream that did not become a call with a trailers-only response: gRPC statuses
     * with {@code :status 200} and {@code application/grpc}, HTTP errors (405, 415) with
     * {@code text/plain} as grpc-java does, and RST_STREAM NO_ERROR if the client is still sending.
     */
    void respond(int streamId, int httpStatus, StatusCode code, String message, boolean endOfStream) {
        respond(streamId, httpStatus, code, message, endOfStream, null, null);
    }

    /** {@link #respond(int, int, StatusCode, String, boolean)} with one more header ({@code name} null for none). */
    void respond(int streamId, int httpStatus, StatusCode code, String message, boolean endOfStream,
                 CharSequence name, CharSequence value) {
        Http2Headers h = new DefaultHttp2Headers(false)
                .status(Integer.toString(httpStatus))
                .set(GrpcMetadata.CONTENT_TYPE, httpStatus == 200 ? GrpcMetadata.APPLICATION_GRPC : "text/plain; charset=utf-8")
                .set(GrpcMetadata.GRPC_STATUS, Integer.toString(code.value()))
                .set(GrpcMetadata.GRPC_MESSAGE, GrpcStatus.encodeMessage(message));
        if (name != null) {
            h.set(name, value);
        }
        ChannelPromise p = ctx.newPromise();
        p.addListener(f -> resetIfRemoteOpen(streamId));
        encoder().writeHeaders(ctx, streamId, h, 0, true, p);
        scheduleFlush();
    }

    /** After our END_STREAM: if the client is still sending, stop it (RST_STREAM NO_ERROR, as grpc-go). */
    void resetIfRemoteOpen(int streamId) {
        Http2Stream s = connection().stream(streamId);
        if (s != null && s.state() == Http2Stream.State.HALF_CLOSED_LOCAL) {
            encoder().writeRstStream(ctx, streamId, Http2Error.NO_ERROR.code(), ctx.newPromise());
            scheduleFlush();
        }
    }
}
