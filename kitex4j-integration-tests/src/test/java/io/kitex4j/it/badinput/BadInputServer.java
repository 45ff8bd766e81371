package io.kitex4j.it.badinput;

import io.kitex4j.client.Client;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * The echo server under attack (read/write timeout 1 s, max frame 64 KiB), its well-behaved
 * clients, and a background load that keeps calling it while the bad input arrives.
 */
final class BadInputServer implements AutoCloseable {
    static final Duration READ_WRITE_TIMEOUT = Duration.ofSeconds(1);
    static final int MAX_FRAME_SIZE = 64 * 1024;
    /** An echo of {@code "slow-MS/anything"} takes MS milliseconds in the handler. */
    static final String SLOW_PREFIX = "slow-";

    final Server server;
    final InetSocketAddress address;
    final AtomicLong handled = new AtomicLong();
    private final List<Client> clients = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();

    BadInputServer() throws Exception {
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public EchoResponse echo(EchoRequest req) {
                        handled.incrementAndGet();
                        String m = req.getMessage();
                        if (m != null && m.startsWith(SLOW_PREFIX)) {
                            try {
                                Thread.sleep(Long.parseLong(m.substring(SLOW_PREFIX.length(), m.indexOf('/'))));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return new EchoResponse(m);
                    }

                    @Override
                    public void fire(EchoRequest req) {
                        handled.incrementAndGet();
                    }
                }))
                .readWriteTimeout(READ_WRITE_TIMEOUT)
                .maxFrameSize(MAX_FRAME_SIZE)
                .exitWaitTime(Duration.ofSeconds(1))
                .build();
        address = server.start();
    }

    /** A well-behaved Kitex4j client (long connections) of this server. */
    synchronized EchoService.Stub stub(TransportProtocol transport, PayloadProtocol payload) {
        Client c = Client.builder(EchoService.DESCRIPTOR)
                .hostPorts(address.getHostString() + ":" + address.getPort())
                .clientServiceName("badinput-it")
                .transportProtocol(transport)
                .payloadProtocol(payload)
                .rpcTimeout(Duration.ofSeconds(3))
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        clients.add(c);
        return new EchoService.Stub(c);
    }

    /** Closes every client made by {@link #stub}, so their connections go away. */
    synchronized void closeClients() {
        for (Client c : clients) {
            c.close();
        }
        clients.clear();
    }

    /** The server's open connection count (read from its transport; not public API). */
    int connectionCount() {
        try {
            Field f = server.getClass().getDeclaredField("transport");
            f.setAccessible(true);
            return ((ServerTransport) f.get(server)).connectionCount();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the server's connection count from " + server.getClass(), e);
        }
    }

    /**
     * Reply bytes the server has queued on its connections but not yet handed to the kernel
     * (Netty's outbound buffers; read through the transport's channel group, not public API).
     */
    long pendingOutboundBytes() {
        try {
            Field f = server.getClass().getDeclaredField("transport");
            f.setAccessible(true);
            Object transport = f.get(server);
            Field g = transport.getClass().getDeclaredField("connections");
            g.setAccessible(true);
            long sum = 0;
            for (Channel ch : (ChannelGroup) g.get(transport)) {
                ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
                if (out != null) {
                    sum += out.totalPendingWriteBytes();
                }
            }
            return sum;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError("cannot read the server's connections from " + server.getClass(), e);
        }
    }

    /** Waits up to {@code max} for the connection count to satisfy {@code ok}; returns the last count. */
    int awaitConnectionCount(IntPredicate ok, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int n = connectionCount();
        while (!ok.test(n) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            n = connectionCount();
        }
        return n;
    }

    /** Starts a thread that calls echo in a loop over {@code transport}, checking every answer. */
    Load startLoad(String name, TransportProtocol transport, PayloadProtocol payload) {
        Load l = new Load(name, stub(transport, payload));
        synchronized (this) {
            loads.add(l);
        }
        l.thread.start();
        return l;
    }

    @Override
    public void close() {
        List<Load> ls;
        synchronized (this) {
            ls = new ArrayList<>(loads);
        }
        for (Load l : ls) {
            try {
                l.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeClients();
        server.stop();
    }

    /** A well-behaved client calling concurrently with the bad input. */
    static final class Load {
        final String name;
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean running = true;

        Load(String name, EchoService.Stub stub) {
            this.name = name;
            this.thread = new Thread(() -> {
                long i = 0;
                while (running) {
                    String m = name + "-" + i++;
                    try {
                        EchoResponse r = stub.echo(new EchoRequest(m));
                        if (m.equals(r.getMessage())) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, new AssertionError("sent " + m + ", got " + r.getMessage()));
                        }
                    } catch (Throwable t) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, t);
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "badinput-load-" + name);
            thread.setDaemon(true);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        @Override
        public String toString() {
            return name + ": " + ok.get() + " ok, " + failed.get() + " failed" + (firstFailure.get() == null ? ""
                    : ", first failure " + firstFailure.get());
        }
    }
}
