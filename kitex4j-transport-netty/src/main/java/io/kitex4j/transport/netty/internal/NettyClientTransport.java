package io.kitex4j.transport.netty.internal;

import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.transport.ClientTransport;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.streaming.Stream;
import io.kitex4j.transport.netty.internal.grpc.GrpcClient;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Netty client transport: pooled connections, one call in flight per connection; gRPC calls
 * ({@link TransportProtocol#GRPC}) go to the {@link GrpcClient}, multiplexed over HTTP/2.
 */
public final class NettyClientTransport implements ClientTransport {
    private final TransportConfig config;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ConnectionPool pool;
    private final GrpcClient grpc;
    private final ScheduledFuture<?> evictor;

    public NettyClientTransport(TransportConfig config) {
        this.config = config;
        this.ownsGroup = config.ioThreads() > 0;
        this.group = ownsGroup ? EventLoops.newGroup(config.ioThreads(), "kitex4j-client-io") : EventLoops.sharedClientGroup();
        long readTimeout = config.readWriteTimeout().toNanos();
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(EventLoops.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        this.pool = new ConnectionPool(b, config);
        this.grpc = new GrpcClient(config, b.clone());
        b.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                        .addLast("frames", new FrameDecoder(config.maxFrameSize(), readTimeout, null))
                        .addLast("handler", new ClientHandler(pool));
            }
        });
        long period = Math.max(1, config.maxIdleTimeout().toMillis() / 2);
        this.evictor = group.next().scheduleAtFixedRate(() -> {
            pool.evictExpired();
            grpc.evictIdle();
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<RemoteMessage> send(RemoteMessage request, InetSocketAddress address) {
        if (request.transport() == TransportProtocol.GRPC) {
            return grpc.send(request, address);
        }
        ByteBuf frame;
        try {
            frame = FrameEncoder.encode(PooledByteBufAllocator.DEFAULT, request, config.maxFrameSize());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new InternalException("encode " + request.methodName() + " failed: "
                    + e.getMessage(), e));
        }
        if (request.rpcInfo() != null) {
            request.rpcInfo().stats().setSendSize(frame.readableBytes());
        }
        long connectTimeout = request.rpcInfo() != null ? request.rpcInfo().config().connectTimeout().toMillis() : 50;
        CompletableFuture<RemoteMessage> result = new CompletableFuture<>();
        boolean oneway = request.messageType() == MessageType.ONEWAY;
        MutableRpcStats stats = request.rpcInfo() != null ? request.rpcInfo().stats() : null;
        if (stats != null) {
            stats.record(StatsEvent.CLIENT_CONN_START);
        }
        pool.acquire(address, connectTimeout).whenComplete((ch, err) -> {
            if (stats != null) {
                stats.record(StatsEvent.CLIENT_CONN_FINISH);
            }
            if (err != null) {
                frame.release();
                result.completeExceptionally(err);
                return;
            }
            if (result.isDone()) { // the caller gave up while we were connecting
                frame.release();
                pool.release(ch);
                return;
            }
            if (ch.eventLoop().inEventLoop()) {
                write(ch, frame, request, result, oneway);
            } else {
                ch.eventLoop().execute(() -> write(ch, frame, request, result, oneway));
            }
        });
        return result;
    }

    private void write(Channel ch, ByteBuf frame, RemoteMessage request, CompletableFuture<RemoteMessage> result, boolean oneway) {
        ClientHandler h = ch.pipeline().get(ClientHandler.class);
        if (h == null || !ch.isActive()) {
            frame.release();
            result.completeExceptionally(new RemoteOrNetworkException("connection to " + ch.remoteAddress() + " closed"));
            return;
        }
        ClientHandler.Pending p = new ClientHandler.Pending(request, result);
        if (!oneway) {
            h.start(p);
            if (request.deadlineNanos() != 0) {
                // Backstop for the RPC timeout middleware: even when a user middleware between them
                // does not pass the timeout on, the connection is freed at the deadline.
                long delay = Math.max(0, request.deadlineNanos() - System.nanoTime());
                ScheduledFuture<?> timer = ch.eventLoop().schedule(() -> h.expire(p, timeoutError(request, ch)),
                        delay, TimeUnit.NANOSECONDS);
                result.whenComplete((r, e) -> timer.cancel(false));
            }
            // If the caller completes the call first (RPC timeout), a late reply must never reach
            // the next call on this connection: close it.
            result.whenComplete((r, e) -> {
                if (e != null) {
                    ch.eventLoop().execute(() -> h.abandon(p));
                }
            });
        }
        MutableRpcStats stats = request.rpcInfo() != null ? request.rpcInfo().stats() : null;
        if (stats != null) {
            stats.record(StatsEvent.WRITE_START);
        }
        ch.writeAndFlush(frame).addListener(f -> {
            if (stats != null) {
                stats.record(StatsEvent.WRITE_FINISH);
                stats.record(StatsEvent.WAIT_READ_START);
            }
            if (!f.isSuccess()) {
                h.fail(p, new RemoteOrNetworkException("write to " + ch.remoteAddress() + " failed: " + f.cause(), f.cause()));
                if (oneway) {
                    result.completeExceptionally(new RemoteOrNetworkException("write to " + ch.remoteAddress() + " failed", f.cause()));
                }
            } else if (oneway) {
                // Kitex discards the connection after a oneway call instead of pooling it.
                ch.close();
                result.complete(null);
            }
        });
    }

    private static RpcTimeoutException timeoutError(RemoteMessage request, Channel ch) {
        String timeout = request.rpcInfo() != null ? request.rpcInfo().config().rpcTimeout().toMillis() + "ms" : "?";
        return new RpcTimeoutException("timeout=" + timeout + ", to=" + request.serviceName() + ", method="
                + request.methodName() + ", location=kitex4j.transport, remote=" + ch.remoteAddress());
    }

    /** gRPC streaming calls; other transports have no streams. */
    @Override
    public CompletableFuture<Stream> openStream(RemoteMessage request, InetSocketAddress address) {
        if (request.transport() != TransportProtocol.GRPC) {
            return CompletableFuture.failedFuture(new InternalException("streaming calls need the gRPC transport, not "
                    + request.transport()));
        }
        return grpc.openStream(request, address);
    }

    /** Open gRPC connections (for tests and diagnosis). */
    public int grpcConnections() {
        return grpc.connectionCount();
    }

    @Override
    public String toString() {
        return "NettyClientTransport{" + grpc + '}';
    }

    /** Idle pooled connections (for tests and diagnosis). */
    public int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        evictor.cancel(false);
        pool.close();
        grpc.close();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
