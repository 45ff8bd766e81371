package io.kitex4j.transport.netty.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll when the platform has it, NIO otherwise. */
public final class EventLoops {
    private static final boolean EPOLL = !Boolean.getBoolean("kitex4j.noEpoll") && Epoll.isAvailable();
    private static volatile EventLoopGroup sharedClientGroup;

    private EventLoops() {}

    public static boolean epoll() {
        return EPOLL;
    }

    public static EventLoopGroup newGroup(int threads, String name) {
        DefaultThreadFactory tf = new DefaultThreadFactory(name, true);
        return EPOLL ? new EpollEventLoopGroup(threads, tf) : new NioEventLoopGroup(threads, tf);
    }

    public static Class<? extends ServerSocketChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> clientChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The event loops shared by every client that does not ask for its own (daemon threads, one per core). */
    public static EventLoopGroup sharedClientGroup() {
        EventLoopGroup g = sharedClientGroup;
        if (g == null) {
            synchronized (EventLoops.class) {
                g = sharedClientGroup;
                if (g == null) {
                    g = newGroup(Runtime.getRuntime().availableProcessors(), "kitex4j-client-io");
                    sharedClientGroup = g;
                }
            }
        }
        return g;
    }
}
