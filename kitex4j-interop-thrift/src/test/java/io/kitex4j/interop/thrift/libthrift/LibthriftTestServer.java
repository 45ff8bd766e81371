package io.kitex4j.interop.thrift.libthrift;

import apache.thrift.test.ThriftTest;
import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportFactory;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * Apache Thrift's Java cross-test server ({@code TestServer --server-type=thread-pool}) on
 * libthrift 0.17.0 and Apache-generated code: a {@link TThreadPoolServer} with the generated
 * {@code ThriftTest.Processor} over {@link LibthriftTestHandler}, buffered or framed, binary or
 * compact, on 127.0.0.1 and an ephemeral port.
 */
public final class LibthriftTestServer implements AutoCloseable {
    private final Protocol protocol;
    private final Transport transport;
    private final LibthriftTestHandler handler;
    private TThreadPoolServer server;
    private TServerSocket socket;
    private ExecutorService workers;
    private Thread serveThread;

    public LibthriftTestServer(Protocol protocol, Transport transport, PrintStream log) {
        if (transport == Transport.HEADER) {
            throw new IllegalArgumentException("libthrift's Java server has no TTHeader transport");
        }
        this.protocol = protocol;
        this.transport = transport;
        this.handler = new LibthriftTestHandler(log);
    }

    public LibthriftTestHandler handler() {
        return handler;
    }

    /** Binds and serves; returns once the server is serving. */
    public InetSocketAddress start() throws Exception {
        socket = new TServerSocket(new InetSocketAddress("127.0.0.1", 0));
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "libthrift-test-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        TProtocolFactory protocolFactory = protocol == Protocol.COMPACT
                ? new TCompactProtocol.Factory() : new TBinaryProtocol.Factory();
        TTransportFactory transportFactory = transport == Transport.FRAMED
                ? new TFramedTransport.Factory() : new TTransportFactory();
        server = new TThreadPoolServer(new TThreadPoolServer.Args(socket)
                .processor(new ThriftTest.Processor<>(handler))
                .protocolFactory(protocolFactory)
                .transportFactory(transportFactory)
                .executorService(workers)
                .stopTimeoutVal(2)
                .stopTimeoutUnit(TimeUnit.SECONDS));
        serveThread = new Thread(server::serve, "libthrift-test-server-serve");
        serveThread.setDaemon(true);
        serveThread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.isServing()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("libthrift server did not start serving");
            }
            Thread.sleep(2);
        }
        return new InetSocketAddress("127.0.0.1", socket.getServerSocket().getLocalPort());
    }

    @Override
    public void close() throws InterruptedException {
        if (server == null) {
            return;
        }
        server.stop();
        socket.close();
        workers.shutdownNow(); // interrupts a oneway still sleeping
        serveThread.join(TimeUnit.SECONDS.toMillis(10));
        workers.awaitTermination(10, TimeUnit.SECONDS);
        server = null;
    }
}
