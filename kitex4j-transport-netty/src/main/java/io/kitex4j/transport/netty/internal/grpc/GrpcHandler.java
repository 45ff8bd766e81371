package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.remote.transport.TransportConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2LocalFlowController;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2LocalFlowController;
import io.netty.handler.codec.http2.Http2RemoteFlowController;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gRPC server and client connection handlers share: Netty's HTTP/2 connection handler
 * (with its DoS limits: control-frame queue, empty DATA frames, RST floods) set up for gRPC's
 * flow control, the calls by stream id, keepalive, and the hooks the {@link GrpcStream}s use.
 *
 * <p><b>Flow control.</b> The local flow controller returns credit for a stream only when the
 * application takes a message ({@link #consumeBytes}), so a receiver that stops reading stops
 * its sender after one window. The connection window refills as data arrives (as grpc-java and
 * grpc-go do), so one stalled stream cannot block the others; per connection the buffered data
 * is then bounded by streams × window. Sends complete when the remote flow controller has
 * written the bytes, and {@link Http2RemoteFlowController.Listener} keeps each stream's
 * readiness current.
 *
 * <p>Everything here runs on the channel's event loop.
 */
abstract class GrpcHandler extends Http2ConnectionHandler implements Http2FrameListener, Http2RemoteFlowController.Listener {
    private static final Logger log = LoggerFactory.getLogger(GrpcHandler.class);

    final TransportConfig config;
    final IntObjectMap<GrpcStream> streams = new IntObjectHashMap<>();
    final Http2RemoteFlowController remoteFlow;
    private final Http2LocalFlowController localFlow;
    ChannelHandlerContext ctx;
    private KeepAlive keepAlive;
    private boolean connectionWindowSent;
    /** A {@link #flushTask} is queued on the event loop. */
    private boolean flushPending;
    private final Runnable flushTask = () -> {
        flushPending = false;
        writesSinceFlush = 0;
        flush(ctx);
    };

    GrpcHandler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings, TransportConfig config) {
        super(decoder, encoder, settings);
        this.config = config;
        decoder.frameListener(this);
        // Kept: reaching them through the encoder and decoder decorators costs a chain of calls each time.
        this.remoteFlow = encoder.flowController();
        this.localFlow = decoder.flowController();
        remoteFlow.listener(this);
        connection().addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                GrpcStream s = streams.remove(stream.id());
                if (s != null) {
                    s.onStreamClosed();
                }
                afterStreamClosed();
            }

            @Override
            public void onGoAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
                goAwayReceived(lastStreamId, errorCode, debugData);
            }
        });
    }

    /** Builds handlers of one kind with the gRPC flow-control setup. */
    static final class Builder<T extends GrpcHandler> extends AbstractHttp2ConnectionHandlerBuilder<T, Builder<T>> {
        interface Factory<T> {
            T create(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings);
        }

        private final Factory<T> factory;

        Builder(boolean server, Http2Settings settings, Factory<T> factory) {
            this.factory = factory;
            Http2Connection connection = new DefaultHttp2Connection(server);
            connection.local().flowController(new DefaultHttp2LocalFlowController(connection,
                    DefaultHttp2LocalFlowController.DEFAULT_WINDOW_UPDATE_RATIO, true));
            connection(connection);
            initialSettings(settings);
            // Our own shutdown waits for calls (exit wait); closing the channel is then immediate.
            gracefulShutdownTimeoutMillis(0);
            if (!server) {
                // Honour the peer's MAX_CONCURRENT_STREAMS: streams over it wait in the encoder.
                encoderEnforceMaxConcurrentStreams(true);
            }
        }

        /** Sees every frame read and written (and logs them at TRACE). */
        Builder<T> withFrameLogger(Http2FrameLogger logger) {
            frameLogger(logger);
            return this;
        }

        T newHandler() {
            return build();
        }

        @Override
        protected T build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initialSettings) {
            return factory.create(decoder, encoder, initialSettings);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.handlerAdded(ctx); // sends the preface if the channel is active
        sendConnectionWindow();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.channelActive(ctx); // sends the preface
        sendConnectionWindow();
    }

    /**
     * After the preface: raises the connection's receive window from HTTP/2's 65535 to the
     * configured one with a WINDOW_UPDATE on stream 0 (as grpc-java does; SETTINGS cannot).
     */
    private void sendConnectionWindow() throws Http2Exception {
        if (connectionWindowSent || !ctx.channel().isActive()) {
            return;
        }
        connectionWindowSent = true;
        Http2Stream connectionStream = connection().connectionStream();
        int delta = config.grpcInitialConnWindowSize() - localFlow.windowSize(connectionStream);
        if (delta > 0) {
            localFlow.incrementWindowSize(connectionStream, delta);
            ctx.flush();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (keepAlive != null) {
            keepAlive.onRead();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (keepAlive != null) {
            keepAlive.stop();
        }
        // Fail the calls before Netty closes their streams, with the reason the side knows.
        List<GrpcStream> open = new ArrayList<>(streams.values());
        streams.clear();
        for (GrpcStream s : open) {
            s.onConnectionClosed();
        }
        super.channelInactive(ctx);
    }

    /** A stream was closed (after its call was told). */
    void afterStreamClosed() {
    }

    /** The peer sent GOAWAY (before Netty closes the streams above {@code lastStreamId}). */
    void goAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) != null) {
            super.exceptionCaught(ctx, cause); // HTTP/2 errors: stream reset or GOAWAY and close
            return;
        }
        log.debug("gRPC connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    @Override
    protected void onConnectionError(ChannelHandlerContext ctx, boolean outbound, Throwable cause, Http2Exception http2Ex) {
        log.debug("HTTP/2 connection error on {}: {}; GOAWAY and close", ctx.channel(), cause.toString(), cause);
        super.onConnectionError(ctx, outbound, cause, http2Ex);
    }

    /** Starts keepalive pings after {@code timeNanos} without reads; an unanswered ping closes after {@code timeoutNanos}. */
    void startKeepAlive(long timeNanos, long timeoutNanos) {
        if (timeNanos > 0 && keepAlive == null) {
            keepAlive = new KeepAlive(this, timeNanos, timeoutNanos);
            keepAlive.start();
        }
    }

    /** The keepalive ping went unanswered: the peer is gone. */
    void keepAliveTimedOut() {
        log.debug("keepalive ping to {} not acknowledged; closing the connection", ctx.channel().remoteAddress());
        ctx.close();
    }

    /** Returns flow-control credit for {@code bytes} of a stream's data that the application took. */
    void consumeBytes(int streamId, int bytes) {
        if (bytes <= 0) {
            return;
        }
        Http2Stream s = connection().stream(streamId);
        if (s == null || s.state() == Http2Stream.State.CLOSED) {
            return;
        }
        try {
            if (localFlow.consumeBytes(s, bytes)) {
                scheduleFlush(); // the WINDOW_UPDATE
            }
        } catch (Http2Exception e) {
            onError(ctx, true, e);
        }
    }

    /** Writes what the flow controller allows and flushes the channel, now. */
    void flushNow() {
        flush(ctx);
    }

    /**
     * Flushes soon, once for everything written until then: a task queued behind the event loop's
     * current work, so the frames of many calls (every response of one read, the requests of
     * callers that wrote meanwhile) leave in one write, as grpc-java's write queue does; every
     * {@link #FLUSH_EVERY} writes at once. Inside a read, {@code channelReadComplete} flushes
     * first and the task finds nothing to do. Event loop only.
     */
    void scheduleFlush() {
        if (++writesSinceFlush >= FLUSH_EVERY) {
            writesSinceFlush = 0;
            flush(ctx);
            return;
        }
        if (!flushPending) {
            flushPending = true;
            ctx.executor().execute(flushTask);
        }
    }

    /**
     * Writes after which {@link #scheduleFlush} flushes at once instead of at the end of the turn
     * (grpc-java's write queue flushes every 128 commands): with many calls on one connection,
     * the peer starts on the first replies while this side still works through the rest, rather
     * than both sides taking turns with whole batches. 16 measured best (8, 16, 64, 128, never:
     * 1 KB echo, c = 100, one connection: 90k, 104-115k, 113k, 66k, 65k QPS).
     */
    static final int FLUSH_EVERY = 16;
    private int writesSinceFlush;

    /** Whether a send on {@code streamId} would go out now (window open, channel writable). */
    boolean isWritable(int streamId) {
        Http2Stream s = connection().stream(streamId);
        return s != null && remoteFlow.isWritable(s);
    }

    @Override
    public void writabilityChanged(Http2Stream stream) {
        GrpcStream s = streams.get(stream.id());
        if (s != null) {
            s.updateReady();
        }
    }

    // ------------------------------------------------------------------ frames common to both sides

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
        GrpcStream s = streams.get(streamId);
        if (s == null) {
            // A call we already ended (or never accepted): nobody will read it; give the credit back.
            return data.readableBytes() + padding;
        }
        s.onData(data, endOfStream);
        // Padding is returned at once; the data as the application receives messages.
        return padding;
    }

    @Override
    public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
        GrpcStream s = streams.get(streamId);
        if (s != null) {
            s.onReset(errorCode);
        }
    }

    /** How many of our keepalive pings the peer acknowledged on this connection. */
    int keepAliveAcks() {
        KeepAlive k = keepAlive;
        return k == null ? 0 : k.acks;
    }

    @Override
    public void onPingAckRead(ChannelHandlerContext ctx, long data) {
        if (keepAlive != null) {
            keepAlive.onPingAck(data);
        }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency, short weight,
                              boolean exclusive, int padding, boolean endOfStream) throws Http2Exception {
        onHeadersRead(ctx, streamId, headers, padding, endOfStream);
    }

    @Override
    public void onPriorityRead(ChannelHandlerContext ctx, int streamId, int streamDependency, short weight, boolean exclusive) {
    }

    @Override
    public void onSettingsAckRead(ChannelHandlerContext ctx) {
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
    }

    @Override
    public void onPushPromiseRead(ChannelHandlerContext ctx, int streamId, int promisedStreamId, Http2Headers headers, int padding) {
    }

    @Override
    public void onWindowUpdateRead(ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
    }

    @Override
    public void onUnknownFrame(ChannelHandlerContext ctx, byte frameType, int streamId, Http2Flags flags, ByteBuf payload) {
    }
}
