package io.kitex4j.benchmarks.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many idle connections: each one is opened, makes exactly one real echo call (the request bytes
 * a Kitex4j client sends, captured by {@code RequestCapture}; the reply must be a Thrift REPLY),
 * and then stays open without traffic until {@link #close()}. Connections are opened
 * {@code parallel} at a time (connect + call), so 10,000 take a few seconds and never overrun the
 * server's accept backlog. Replies are checked for the message type only: TTHeader
 * ({@code 0x1000} at offset 4; the payload after the header, framed or not) or Framed.
 */
public final class IdleConnections implements AutoCloseable {
    private static final int REPLY = 0x80010002;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final byte[] request;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean closing;

    /** What {@link #open} did. */
    public record Opened(int requested, int ok, int failed, double seconds, Throwable firstError) {}

    public IdleConnections(String host, int port, byte[] request, int ioThreads) {
        this.request = request;
        this.group = NettySupport.group(ioThreads > 0 ? ioThreads : 1, "idle-client-io");
        this.bootstrap = new Bootstrap().group(group).channel(NettySupport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .remoteAddress(host, port);
    }

    /** Opens {@code n} more connections, {@code parallel} at a time; each makes one call before it counts. */
    public Opened open(int n, int parallel, long timeoutMillis) throws InterruptedException {
        Semaphore permits = new Semaphore(parallel);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> first = new AtomicReference<>();
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int i = 0; i < n; i++) {
            if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                first.compareAndSet(null, new IllegalStateException("timed out opening connections"));
                failed.addAndGet(n - i);
                break;
            }
            OneCall call = new OneCall(permits, ok, failed, first);
            Channel ch = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(16 << 20, 0, 4, 0, 0))
                            .addLast("call", call);
                }
            }).connect().addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    call.finish(f.cause());
                }
            }).channel();
            synchronized (channels) {
                channels.add(ch);
            }
        }
        // Wait for the last ones.
        if (!permits.tryAcquire(parallel, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            first.compareAndSet(null, new IllegalStateException("timed out waiting for the last replies"));
        } else {
            permits.release(parallel);
        }
        return new Opened(n, ok.get(), failed.get(), (System.nanoTime() - t0) / 1e9, first.get());
    }

    /** Connections that are open now. */
    public int activeCount() {
        int n = 0;
        synchronized (channels) {
            for (Channel c : channels) {
                if (c.isActive()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Connections that made their call and were later closed by the server. */
    public int dropped() {
        return dropped.get();
    }

    /** One connection's single call. */
    private final class OneCall extends ChannelInboundHandlerAdapter {
        private final Semaphore permits;
        private final AtomicInteger ok;
        private final AtomicInteger failed;
        private final AtomicReference<Throwable> first;
        private boolean done;
        private boolean succeeded;

        OneCall(Semaphore permits, AtomicInteger ok, AtomicInteger failed, AtomicReference<Throwable> first) {
            this.permits = permits;
            this.ok = ok;
            this.failed = failed;
            this.first = first;
        }

        synchronized void finish(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            if (error == null) {
                succeeded = true;
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
                first.compareAndSet(null, error);
            }
            permits.release();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(request)).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    finish(f.cause());
                    ctx.close();
                }
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf f = (ByteBuf) msg;
            try {
                if (isReply(f)) {
                    finish(null);
                    // Idle from here on: nothing of the client's pipeline stays buffered.
                    ctx.pipeline().remove("frames");
                } else {
                    finish(new IllegalStateException("not an echo reply (" + f.readableBytes() + " bytes)"));
                    ctx.close();
                }
            } finally {
                f.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            boolean wasOk;
            synchronized (this) {
                wasOk = succeeded;
            }
            if (wasOk && !closing) {
                dropped.incrementAndGet();
            }
            finish(new IllegalStateException("connection closed before the reply"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            finish(cause);
            ctx.close();
        }
    }

    static boolean isReply(ByteBuf f) {
        int p = f.readerIndex();
        if (f.readableBytes() < 8) {
            return false;
        }
        if (f.getUnsignedShort(p + 4) == 0x1000) { // TTHeader
            int payload = p + 14 + 4 * f.getUnsignedShort(p + 12);
            if (payload + 4 > f.writerIndex()) {
                return false;
            }
            if (f.getInt(payload) == REPLY) {
                return true;
            }
            return payload + 8 <= f.writerIndex() && f.getInt(payload + 4) == REPLY; // TTHeader|Framed
        }
        return f.getInt(p + 4) == REPLY; // Framed
    }

    @Override
    public void close() {
        closing = true;
        synchronized (channels) {
            for (Channel c : channels) {
                c.close();
            }
            for (Channel c : channels) {
                c.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            channels.clear();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
