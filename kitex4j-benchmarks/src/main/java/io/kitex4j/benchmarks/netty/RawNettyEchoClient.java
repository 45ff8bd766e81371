package io.kitex4j.benchmarks.netty;

import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw Netty echo's client: one connection per caller, one request in flight on each. A request
 * is the pre-encoded framed-binary {@code echo} call copied into a fresh pooled buffer with its
 * sequence id patched in; a reply is checked by length, message type and sequence id only.
 */
public final class RawNettyEchoClient implements EchoClient {
    private static final int VERSION_1 = 0x80010000;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final byte[] template;
    private final int seqOffset;
    private final List<Channel> channels = new ArrayList<>();

    public RawNettyEchoClient(String host, int port, int size, int ioThreads) {
        this.group = NettySupport.group(ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors(), "raw-client-io");
        this.bootstrap = new Bootstrap().group(group).channel(NettySupport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .remoteAddress(host, port);
        byte[] name = "echo".getBytes(StandardCharsets.US_ASCII);
        byte[] msg = Payloads.message(size).getBytes(StandardCharsets.US_ASCII);
        ByteBuf b = ByteBufAllocator.DEFAULT.heapBuffer();
        b.writeInt(0).writeInt(VERSION_1 | 1).writeInt(name.length).writeBytes(name);
        this.seqOffset = b.writerIndex();
        b.writeInt(0);
        b.writeByte(12).writeShort(1);                        // echo_args.req
        b.writeByte(11).writeShort(1).writeInt(msg.length).writeBytes(msg); // EchoRequest.message
        b.writeByte(0).writeByte(0);                          // STOP, STOP
        b.setInt(0, b.writerIndex() - 4);
        this.template = new byte[b.readableBytes()];
        b.readBytes(template);
        b.release();
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public boolean supportsBlocking() {
        return false;
    }

    @Override
    public AsyncCaller newAsyncCaller(int index) throws Exception {
        Conn conn = new Conn();
        conn.connect().sync();
        return conn;
    }

    /** One caller: one connection (re-opened after a failure) with one request in flight. */
    final class Conn implements AsyncCaller {
        private Channel ch;
        private Handler h;

        ChannelFuture connect() {
            Handler handler = new Handler();
            ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast(new LengthFieldBasedFrameDecoder(16 << 20, 0, 4, 0, 0), handler);
                }
            }).connect();
            ch = f.channel();
            h = handler;
            synchronized (channels) {
                channels.add(ch);
            }
            return f;
        }

        @Override
        public void call(Callback done) {
            if (ch.isActive()) {
                send(ch, h, done);
                return;
            }
            connect().addListener(f -> {
                if (f.isSuccess()) {
                    send(ch, h, done);
                } else {
                    done.done(f.cause());
                }
            });
        }

        private void send(Channel c, Handler handler, Callback done) {
            int seq = ++handler.seq;
            handler.done = done;
            ByteBuf out = c.alloc().ioBuffer(template.length);
            out.writeBytes(template);
            out.setInt(seqOffset, seq);
            c.writeAndFlush(out).addListener(f -> {
                if (!f.isSuccess()) {
                    handler.complete(f.cause());
                }
            });
        }
    }

    final class Handler extends ChannelInboundHandlerAdapter {
        volatile int seq;
        volatile AsyncCaller.Callback done;

        void complete(Throwable err) {
            AsyncCaller.Callback d = done;
            if (d != null) {
                done = null;
                d.done(err);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf f = (ByteBuf) msg;
            try {
                int p = f.readerIndex();
                boolean ok = f.readableBytes() == template.length && f.getInt(p + 4) == (VERSION_1 | 2)
                        && f.getInt(p + seqOffset) == seq;
                complete(ok ? null : new IllegalStateException("bad echo reply"));
            } finally {
                f.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            complete(new IllegalStateException("connection closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            complete(cause);
            ctx.close();
        }
    }

    @Override
    public void close() {
        synchronized (channels) {
            for (Channel c : channels) {
                c.close();
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
