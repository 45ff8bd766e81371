package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.streaming.Stream;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The gRPC client transport: HTTP/2 connections per address, shared by concurrent calls as
 * multiplexed streams. A call goes to the least loaded connection that is under the peer's
 * MAX_CONCURRENT_STREAMS; a new connection is opened when all are full (up to
 * {@link TransportConfig#maxIdlePerAddress()} per address; past that, calls wait for a stream in
 * the least loaded one). Connections that got GOAWAY take no new calls, finish theirs and close;
 * closed ones are replaced on the next call. Connections without calls for
 * {@link TransportConfig#maxIdleTimeout()} are closed. With short connections every call gets
 * its own connection. Thread-safe.
 */
public final class GrpcClient implements AutoCloseable {
    private final TransportConfig config;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    /** The allocator unary requests are encoded with on the caller's thread (the channels' one). */
    private final ByteBufAllocator alloc;
    private final Map<InetSocketAddress, List<GrpcClientConnection>> connections = new HashMap<>();
    private boolean closed;

    /** {@code bootstrap} has its group, channel type and socket options set; its handler is replaced per connection. */
    public GrpcClient(TransportConfig config, Bootstrap bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
        Object a = bootstrap.config().options().get(ChannelOption.ALLOCATOR);
        this.alloc = a instanceof ByteBufAllocator ? (ByteBufAllocator) a : ByteBufAllocator.DEFAULT;
        try {
            this.sslContext = config.clientTls() ? GrpcTls.clientContext(config) : null;
        } catch (SSLException e) {
            throw new IllegalArgumentException("bad gRPC client TLS settings: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ calls

    /**
     * A unary call: request headers, the one message with END_STREAM, then the reply: REPLY with
     * the message; on a non-OK status EXCEPTION with a {@link StatusException} body, or, when the
     * trailers carry {@code biz-status}, REPLY with no body (the engine rebuilds the business
     * error). Every trailer is in the reply's {@link RemoteMessage#strInfo()}; response headers
     * and trailers also go to the request's call headers. Local failures (no connection,
     * connection lost, transport deadline) fail the future.
     */
    public CompletableFuture<RemoteMessage> send(RemoteMessage request, InetSocketAddress address) {
        CompletableFuture<RemoteMessage> result = new CompletableFuture<>();
        PayloadCodec codec;
        boolean gzip;
        try {
            codec = codecOf(request);
            gzip = gzipOf(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        attempt(request, address, codec, gzip, result, 1);
        return result;
    }

    private void attempt(RemoteMessage request, InetSocketAddress address, PayloadCodec codec, boolean gzip,
                         CompletableFuture<RemoteMessage> result, int retries) {
        // Encode on the caller's thread, before a connection or stream is taken: a request that
        // cannot be encoded fails here, and the event loop only frames and writes.
        ByteBuf bare;
        try {
            bare = GrpcCodec.encodeBare(alloc, codec, request.method().requestCodec(), request.body());
        } catch (RuntimeException e) {
            result.completeExceptionally(new InternalException("failed to encode the request of " + request.serviceName()
                    + "/" + request.methodName() + ": " + e.getMessage(), e));
            return;
        }
        // Whoever takes the message first owns it: the stream (sending it) or the end of the call (releasing it).
        AtomicReference<ByteBuf> message = new AtomicReference<>(bare);
        result.whenComplete((r, e) -> releaseMessage(message));
        MutableRpcStats stats = request.rpcInfo() != null ? request.rpcInfo().stats() : null;
        if (stats != null) {
            stats.record(StatsEvent.CLIENT_CONN_START);
        }
        acquire(address, connectTimeoutMillis(request)).whenComplete((conn, err) -> {
            if (stats != null) {
                stats.record(StatsEvent.CLIENT_CONN_FINISH);
            }
            if (err != null) {
                result.completeExceptionally(unwrap(err));
                return;
            }
            if (result.isDone()) {
                conn.release();
                return;
            }
            runOn(conn, result, () -> {
                ClientCall call = new ClientCall(conn, request, codec, gzip);
                // The headers are flushed with the request message right after them: one flush per call.
                if (!call.start(sslContext != null, false)) {
                    releaseMessage(message);
                    retryOrFail(call, request, address, codec, gzip, result, retries, call.done());
                    return;
                }
                result.whenComplete((r, e) -> {
                    if (e != null) {
                        call.cancel(unwrap(e)); // the caller gave up (RPC timeout, cancel): RST_STREAM
                    }
                });
                ByteBuf toSend = message.getAndSet(null);
                if (toSend == null) {
                    return; // the caller gave up meanwhile: the call was just cancelled
                }
                if (stats != null) {
                    stats.record(StatsEvent.WRITE_START);
                }
                boolean oneway = request.messageType() == MessageType.ONEWAY;
                call.sendEncoded(toSend, true).whenComplete((v, e) -> {
                    if (stats != null) {
                        stats.record(StatsEvent.WRITE_FINISH);
                        stats.record(StatsEvent.WAIT_READ_START);
                        stats.setSendSize((int) Math.min(Integer.MAX_VALUE, call.sentBytes));
                    }
                    if (oneway) {
                        // A Thrift oneway method over gRPC: done once written (the server answers OK, unread).
                        if (e != null) {
                            result.completeExceptionally(localFailure(unwrap(e), request, call));
                        } else {
                            result.complete(null);
                        }
                    } else if (e != null) {
                        // The request did not go out and the server waits for it: end the stream
                        // (RST_STREAM, the connection's slot released); the receive below reports why.
                        Throwable c = unwrap(e);
                        call.cancel(c instanceof StatusException ? c : new StatusException(StatusCode.INTERNAL,
                                "failed to send the request of " + request.serviceName() + "/" + request.methodName()
                                        + ": " + c, c));
                    }
                });
                if (oneway) {
                    return;
                }
                call.receive().whenComplete((first, e1) -> {
                    if (e1 != null) {
                        retryOrFail(call, request, address, codec, gzip, result, retries, CompletableFuture.failedFuture(e1));
                        return;
                    }
                    call.receive().whenComplete((second, e2) -> {
                        if (e2 != null) {
                            retryOrFail(call, request, address, codec, gzip, result, retries, CompletableFuture.failedFuture(e2));
                        } else if (second != null) {
                            call.abort(new StatusException(StatusCode.INTERNAL, "More than one value received for unary call"));
                            result.complete(exceptionReply(call, new StatusException(StatusCode.INTERNAL,
                                    "More than one value received for unary call")));
                        } else if (first == null) {
                            result.complete(call.trailers.containsKey("biz-status") ? reply(call, null)
                                    : exceptionReply(call, new StatusException(StatusCode.INTERNAL, "No value received for unary call")));
                        } else {
                            result.complete(reply(call, first));
                        }
                    });
                });
            });
        });
    }

    private static void releaseMessage(AtomicReference<ByteBuf> message) {
        ByteBuf b = message.getAndSet(null);
        if (b != null) {
            b.release();
        }
    }

    private void retryOrFail(ClientCall call, RemoteMessage request, InetSocketAddress address, PayloadCodec codec, boolean gzip,
                             CompletableFuture<RemoteMessage> result, int retries, CompletableFuture<?> failed) {
        failed.whenComplete((v, err) -> {
            Throwable e = unwrap(err);
            if (e == null) {
                e = new StatusException(StatusCode.INTERNAL, "the call ended without a result");
            }
            if (call.refused && retries > 0 && !result.isDone()) {
                // The server never saw it (GOAWAY / REFUSED_STREAM): transparently retry on a fresh connection.
                attempt(request, address, codec, gzip, result, retries - 1);
                return;
            }
            if (call.statusFromPeer && e instanceof StatusException) {
                result.complete(call.trailers.containsKey("biz-status") ? reply(call, null)
                        : exceptionReply(call, (StatusException) e));
                return;
            }
            result.completeExceptionally(localFailure(e, request, call));
        });
    }

    private static RemoteMessage baseReply(ClientCall call, int type) {
        RemoteMessage req = call.request;
        RemoteMessage reply = new RemoteMessage(type, req.methodName(), req.seqId())
                .method(req.method())
                .serviceName(req.serviceName())
                .transport(TransportProtocol.GRPC)
                .payloadProtocol(req.payloadProtocol())
                .callHeaders(call.callHeaders)
                .wireSize((int) Math.min(Integer.MAX_VALUE, call.receivedBytes));
        if (!call.trailers.isEmpty()) {
            reply.strInfo().putAll(call.trailers);
        }
        return reply;
    }

    private static RemoteMessage reply(ClientCall call, Object body) {
        return baseReply(call, MessageType.REPLY).body(body);
    }

    private static RemoteMessage exceptionReply(ClientCall call, StatusException e) {
        return baseReply(call, MessageType.EXCEPTION).body(e);
    }

    /** A failure on this side as the transport SPI reports it. */
    private static Throwable localFailure(Throwable e, RemoteMessage request, ClientCall call) {
        if (e instanceof StatusException) {
            StatusException se = (StatusException) e;
            if (se.code() == StatusCode.UNAVAILABLE) {
                return new RemoteOrNetworkException(se.statusMessage(), se);
            }
            if (se.code() == StatusCode.DEADLINE_EXCEEDED) {
                String timeout = request.rpcInfo() != null ? request.rpcInfo().config().rpcTimeout().toMillis() + "ms" : "?";
                return new RpcTimeoutException("timeout=" + timeout + ", to=" + request.serviceName()
                        + ", method=" + request.methodName() + ", location=kitex4j.transport.grpc, remote=" + call.conn.address, se);
            }
        }
        return e;
    }

    /**
     * A streaming call: completes with its {@link Stream} once the request headers are on their
     * way. Receives complete with {@code null} after an OK status and fail with a
     * {@link StatusException} otherwise; the response headers and trailers go to the request's
     * call headers.
     */
    public CompletableFuture<Stream> openStream(RemoteMessage request, InetSocketAddress address) {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        PayloadCodec codec;
        boolean gzip;
        try {
            codec = codecOf(request);
            gzip = gzipOf(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        acquire(address, connectTimeoutMillis(request)).whenComplete((conn, err) -> {
            if (err != null) {
                result.completeExceptionally(unwrap(err));
                return;
            }
            if (result.isDone()) {
                conn.release();
                return;
            }
            runOn(conn, result, () -> {
                ClientCall call = new ClientCall(conn, request, codec, gzip);
                if (!call.start(sslContext != null)) {
                    call.done().whenComplete((v, e) -> result.completeExceptionally(unwrap(e)));
                    return;
                }
                if (!result.complete(call)) {
                    call.cancel(new StatusException(StatusCode.CANCELLED, "the caller gave up before the stream opened"));
                }
            });
        });
        return result;
    }

    private static void runOn(GrpcClientConnection conn, CompletableFuture<?> result, Runnable task) {
        Channel ch = conn.channel;
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                result.completeExceptionally(new InternalException("gRPC call failed to start: " + e.getMessage(), e));
            }
        };
        if (ch.eventLoop().inEventLoop()) {
            guarded.run();
            return;
        }
        try {
            ch.eventLoop().execute(guarded);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            conn.release();
            result.completeExceptionally(new ConnectionException("client transport is shut down", e));
        }
    }

    private static PayloadCodec codecOf(RemoteMessage request) {
        PayloadProtocol p = request.payloadProtocol() == null ? PayloadProtocol.PROTOBUF : request.payloadProtocol();
        if (p != PayloadProtocol.PROTOBUF && p != PayloadProtocol.THRIFT_BINARY) {
            throw new InternalException("gRPC carries protobuf or binary Thrift, not " + p);
        }
        if (request.method() == null) {
            throw new InternalException("gRPC request without a method descriptor: " + request);
        }
        return PayloadCodecs.require(p);
    }

    private static boolean gzipOf(RemoteMessage request) {
        String c = request.compressor();
        if (c == null || c.isEmpty() || c.equals("identity")) {
            return false;
        }
        if (!c.equals("gzip")) {
            throw new InternalException("unsupported gRPC compressor " + c + " (gzip is supported)");
        }
        return true;
    }

    private static long connectTimeoutMillis(RemoteMessage request) {
        return request.rpcInfo() != null ? request.rpcInfo().config().connectTimeout().toMillis() : 50;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ------------------------------------------------------------------ connections

    /** A connection with room for one more call (reserved for the caller, who must end the call or release it). */
    CompletableFuture<GrpcClientConnection> acquire(InetSocketAddress address, long connectTimeoutMillis) {
        GrpcClientConnection chosen;
        boolean create = false;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionException("client transport is closed"));
            }
            List<GrpcClientConnection> list = connections.computeIfAbsent(address, a -> new ArrayList<>());
            list.removeIf(c -> c.closed || c.ready.isCompletedExceptionally());
            GrpcClientConnection best = null;
            GrpcClientConnection leastLoaded = null;
            if (!config.shortConnections()) {
                for (GrpcClientConnection c : list) {
                    if (!c.usable()) {
                        continue;
                    }
                    int load = c.reserved.get();
                    if (leastLoaded == null || load < leastLoaded.reserved.get()) {
                        leastLoaded = c;
                    }
                    if (load < c.maxStreams && (best == null || load < best.reserved.get())) {
                        best = c;
                    }
                }
            }
            if (best == null) {
                if (leastLoaded != null && list.size() >= config.maxIdlePerAddress()) {
                    best = leastLoaded;
                } else {
                    best = new GrpcClientConnection(this, address, config.shortConnections());
                    list.add(best);
                    create = true;
                }
            }
            best.reserved.incrementAndGet();
            chosen = best;
        }
        if (create) {
            connect(chosen, connectTimeoutMillis);
        }
        CompletableFuture<GrpcClientConnection> f = new CompletableFuture<>();
        chosen.ready.whenComplete((c, e) -> {
            if (e != null) {
                chosen.release();
                f.completeExceptionally(e);
            } else {
                f.complete(c);
            }
        });
        return f;
    }

    private void connect(GrpcClientConnection conn, long connectTimeoutMillis) {
        Bootstrap b = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeoutMillis)))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast("ssl", GrpcTls.clientHandler(sslContext, config, ch.alloc(),
                                    conn.address.getHostString(), conn.address.getPort()));
                        }
                        GrpcClientHandler h = GrpcClientHandler.create(config, conn);
                        conn.handler = h;
                        conn.attach(ch); // before the channel can become active (and complete conn.ready)
                        ch.pipeline().addLast("grpc", h);
                    }
                });
        ChannelFuture cf;
        try {
            cf = b.connect(conn.address);
        } catch (RuntimeException e) {
            conn.closed = true;
            conn.ready.completeExceptionally(new ConnectionException("dial tcp " + conn.address + ": " + e.getMessage(), e));
            return;
        }
        conn.attach(cf.channel());
        cf.addListener(done -> {
            if (!done.isSuccess()) {
                Throwable c = done.cause();
                conn.closed = true;
                conn.ready.completeExceptionally(new ConnectionException("dial tcp " + conn.address + ": "
                        + (c == null ? "cancelled" : c.getMessage()), c));
            }
        });
        cf.channel().closeFuture().addListener(f -> {
            conn.closed = true;
            conn.ready.completeExceptionally(new ConnectionException("connection to " + conn.address + " closed"));
            synchronized (GrpcClient.this) {
                List<GrpcClientConnection> list = connections.get(conn.address);
                if (list != null) {
                    list.remove(conn);
                    if (list.isEmpty()) {
                        connections.remove(conn.address);
                    }
                }
            }
        });
    }

    /** Closes connections that had no call for the idle timeout. */
    public void evictIdle() {
        long now = System.nanoTime();
        long maxIdle = config.maxIdleTimeout().toNanos();
        List<GrpcClientConnection> toClose = new ArrayList<>();
        synchronized (this) {
            // acquire() reserves under this lock and skips draining connections: marking them here,
            // with the check, leaves no moment in which a new call could take one that is closing.
            for (List<GrpcClientConnection> list : connections.values()) {
                for (GrpcClientConnection c : list) {
                    if (!c.draining && c.reserved.get() == 0 && c.ready.isDone() && now - c.idleSince >= maxIdle) {
                        c.draining = true;
                        toClose.add(c);
                    }
                }
            }
        }
        for (GrpcClientConnection c : toClose) {
            c.close();
        }
    }

    /** The pooled connections to {@code address} (for tests and diagnosis). */
    synchronized List<GrpcClientConnection> connectionsTo(InetSocketAddress address) {
        List<GrpcClientConnection> list = connections.get(address);
        return list == null ? List.of() : new ArrayList<>(list);
    }

    /** Open gRPC connections (for tests and diagnosis). */
    public synchronized int connectionCount() {
        int n = 0;
        for (List<GrpcClientConnection> list : connections.values()) {
            for (GrpcClientConnection c : list) {
                if (!c.closed) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public synchronized String toString() {
        return "GrpcClient" + connections;
    }

    /** Closes every connection; calls in flight fail with UNAVAILABLE. */
    @Override
    public void close() {
        List<GrpcClientConnection> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (List<GrpcClientConnection> list : connections.values()) {
                all.addAll(list);
            }
            connections.clear();
        }
        for (GrpcClientConnection c : all) {
            c.draining = true;
            c.close();
        }
    }
}
