package io.kitex4j.transport.netty.internal;

import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.transport.netty.internal.grpc.GrpcServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty server: one port, protocol detected per connection and per message; connections
 * that start with the HTTP/2 preface (or negotiate {@code h2} over TLS) are served as gRPC.
 */
public final class NettyServerTransport implements ServerTransport {
    private static final Logger log = LoggerFactory.getLogger(NettyServerTransport.class);

    private final TransportConfig config;
    /** Read by every connection's ServerHandler (kept here rather than in each handler). */
    final int maxFrameSize;
    private final ChannelGroup connections = new DefaultChannelGroup("kitex4j-server", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;
    private GrpcServer grpc;
    /** One idle sweeper per worker event loop (the Kitex connections; gRPC ones keep an IdleStateHandler). */
    private volatile Map<EventExecutor, IdleSweeper> sweepers = Map.of();
    private long idleNanos;

    public NettyServerTransport(TransportConfig config) {
        this.config = config;
        this.maxFrameSize = config.maxFrameSize();
    }

    @Override
    public synchronized InetSocketAddress start(InetSocketAddress bindAddress, InboundDispatcher dispatcher) throws Exception {
        int threads = config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
        boss = EventLoops.newGroup(1, "kitex4j-server-accept");
        workers = EventLoops.newGroup(threads, "kitex4j-server-io");
        long readTimeout = config.readWriteTimeout().toNanos();
        long idle = config.maxConnectionIdleTime().toNanos();
        idleNanos = idle;
        Map<EventExecutor, IdleSweeper> sw = new IdentityHashMap<>();
        for (EventExecutor loop : workers) {
            sw.put(loop, new IdleSweeper(loop, idle));
        }
        sweepers = sw;
        grpc = new GrpcServer(config, dispatcher, this::requestStarted, this::requestFinished);
        SslContext tls = config.serverTls() ? GrpcServer.serverSslContext(config) : null;
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        if (tls != null) {
                            // 0x16 (a TLS handshake record) can start no frame we know: TLS, then ALPN h2 → gRPC.
                            ch.pipeline().addLast("tls", GrpcServer.tlsDetector(tls, NettyServerTransport.this::installGrpc));
                        }
                        // No IdleStateHandler: ServerHandler registers with its event loop's IdleSweeper.
                        ServerHandler handler = new ServerHandler(dispatcher, NettyServerTransport.this);
                        ch.pipeline()
                                .addLast("frames", new FrameDecoder(config.maxFrameSize(), readTimeout, handler))
                                .addLast("handler", handler);
                    }
                });
        try {
            listener = b.bind(bindAddress).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            throw e;
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Hands a connection over to gRPC: the HTTP/2 handler replaces the Kitex framing handlers.
     * Bytes buffered in the frame decoder are passed on to the new handler when it is removed.
     */
    void installGrpc(ChannelPipeline p) {
        p.replace("handler", "grpc", grpc.newHandler());
        p.remove("frames");
        // gRPC connections are closed when idle by GrpcServerHandler on an IdleStateEvent (it
        // sends GOAWAY first); the Kitex handler that left unregistered from the idle sweeper.
        p.addBefore("grpc", "idle", new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS));
    }

    /** The idle sweeper of a worker event loop (null for a loop that is not this server's). */
    IdleSweeper sweeper(EventExecutor loop) {
        return sweepers.get(loop);
    }

    /** The idle sweepers, one per worker event loop (for tests). */
    Map<EventExecutor, IdleSweeper> sweepers() {
        return sweepers;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    @Override
    public synchronized void shutdown(Duration exitWait) {
        if (listener == null) {
            return;
        }
        long deadline = System.nanoTime() + exitWait.toNanos();
        listener.close().awaitUninterruptibly();
        listener = null;
        // gRPC connections get GOAWAY: their clients open no new calls here, the calls in flight go on.
        grpc.drain();
        // Kitex sleeps 100 ms so that replies marked crrst reach clients before connections go away.
        sleep(Math.min(100, exitWait.toMillis()));
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(5);
        }
        if (inFlight.get() > 0) {
            log.warn("exit wait time {} passed with {} requests still in flight; closing connections", exitWait, inFlight.get());
        } else {
            // Drained gRPC connections are closed by their clients (a server-side close could reset
            // them under the last response); a client that does not is cut off shortly after.
            grpc.awaitDrained(Math.min(deadline, System.nanoTime() + 2_000_000_000L));
        }
        connections.close().awaitUninterruptibly();
        for (IdleSweeper s : sweepers.values()) {
            s.stop();
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }
}
