package io.kitex4j.loopback;

import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ServerTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server half of the loopback transport: registers its dispatcher under a made-up port and
 * runs every routing and dispatching on its own single "I/O" thread, as a network transport runs
 * them on an event loop.
 */
public final class LoopbackServerTransport implements ServerTransport {
    private static final Map<Integer, LoopbackServerTransport> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(40_000);

    private volatile InboundDispatcher dispatcher;
    private volatile InetSocketAddress address;
    private volatile ExecutorService io;
    private volatile Thread ioThread;
    private final List<LoopbackCall> calls = new CopyOnWriteArrayList<>();

    /** The started server on {@code address}'s port, or null. */
    public static LoopbackServerTransport at(InetSocketAddress address) {
        return SERVERS.get(address.getPort());
    }

    @Override
    public InetSocketAddress start(InetSocketAddress bindAddress, InboundDispatcher dispatcher) {
        int port = bindAddress.getPort() != 0 ? bindAddress.getPort() : NEXT_PORT.incrementAndGet();
        this.dispatcher = dispatcher;
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loopback-io-" + port);
            t.setDaemon(true);
            ioThread = t;
            return t;
        });
        if (SERVERS.putIfAbsent(port, this) != null) {
            io.shutdown();
            throw new IllegalStateException("loopback port " + port + " in use");
        }
        return address;
    }

    @Override
    public void shutdown(Duration exitWait) {
        InetSocketAddress a = address;
        if (a != null) {
            SERVERS.remove(a.getPort(), this);
        }
        ExecutorService e = io;
        if (e != null) {
            e.shutdown();
        }
    }

    @Override
    public int connectionCount() {
        return 0;
    }

    public InboundDispatcher dispatcher() {
        return dispatcher;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The thread that routes and dispatches (null until it ran a task). */
    public Thread ioThread() {
        return ioThread;
    }

    /** The streaming calls opened on this server, in order. */
    public List<LoopbackCall> calls() {
        return calls;
    }

    void execute(Runnable task) {
        io.execute(task);
    }

    void opened(LoopbackCall call) {
        calls.add(call);
    }
}
