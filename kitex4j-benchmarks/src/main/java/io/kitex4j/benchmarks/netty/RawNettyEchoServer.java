package io.kitex4j.benchmarks.netty;

import io.kitex4j.benchmarks.driver.ServerStats;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling for any Netty-based framework: a Framed Thrift (binary) echo server that parses only
 * what it must and replies with a hand-built frame. A call {@code echo(1: EchoRequest req)} and
 * its reply {@code echo_result(0: EchoResponse success)} have the same bytes except the message
 * type (CALL 1 → REPLY 2) and the outer field id (1 → 0), so the reply is the request's own buffer
 * with those three bytes rewritten, written back without a copy or an allocation. Anything that is
 * not a strict-binary framed call of that shape closes the connection.
 */
public final class RawNettyEchoServer implements AutoCloseable {
    private static final int VERSION_1 = 0x80010000;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel listener;

    public RawNettyEchoServer(String host, int port, int ioThreads) throws InterruptedException {
        boss = NettySupport.group(1, "raw-accept");
        workers = NettySupport.group(ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors(), "raw-io");
        ChannelHandler echo = new EchoHandler();
        listener = new ServerBootstrap()
                .group(boss, workers)
                .channel(NettySupport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // Frames include their 4-byte length (no strip), so the reply can reuse them whole.
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(16 << 20, 0, 4, 0, 0), echo);
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @ChannelHandler.Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf f = (ByteBuf) msg;
            int p = f.readerIndex();
            int end = f.writerIndex();
            // [len:4][0x80010001:4][nameLen:4][name][seq:4][0x0C][0x0001] EchoRequest... [STOP]
            int nameLen = end - p >= 12 ? f.getInt(p + 8) : -1;
            int body = p + 12 + nameLen + 4;
            if (nameLen < 0 || body + 3 > end || f.getInt(p + 4) != (VERSION_1 | 1)
                    || f.getByte(body) != 12 || f.getShort(body + 1) != 1) {
                f.release();
                ctx.close();
                return;
            }
            ServerStats.CALLS.increment();
            f.setInt(p + 4, VERSION_1 | 2); // REPLY
            f.setShort(body + 1, 0);        // echo_result.success
            ctx.writeAndFlush(f, ctx.voidPromise());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
