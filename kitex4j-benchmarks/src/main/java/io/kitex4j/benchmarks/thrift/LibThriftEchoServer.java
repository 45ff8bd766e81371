package io.kitex4j.benchmarks.thrift;

import io.kitex4j.benchmarks.driver.ServerStats;
import java.net.InetSocketAddress;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TServerSocket;

/**
 * The Apache Thrift Java peer, libthrift's defaults otherwise:
 * {@code selector} = {@link TThreadedSelectorServer} (framed, binary; 2 selector threads, 5 workers);
 * {@code threadpool} = {@link TThreadPoolServer} (thread per connection, buffered = unframed binary).
 */
public final class LibThriftEchoServer implements AutoCloseable {
    private final TServer server;
    private final Thread thread;

    public LibThriftEchoServer(String host, int port, boolean selector) throws Exception {
        LibThriftEcho.Processor processor = new LibThriftEcho.Processor(
                req -> {
                    ServerStats.CALLS.increment();
                    return new LibThriftEcho.EchoResponse(req.message);
                });
        if (selector) {
            // Backlog 1024 for every target (Kitex4j's and the raw Netty server's), so 500 callers can connect at once.
            TNonblockingServerSocket socket = new TNonblockingServerSocket(
                    new TNonblockingServerSocket.NonblockingAbstractServerSocketArgs()
                            .bindAddr(new InetSocketAddress(host, port)).backlog(1024));
            server = new TThreadedSelectorServer(new TThreadedSelectorServer.Args(socket)
                    .processor(processor)
                    .protocolFactory(new TBinaryProtocol.Factory()));
        } else {
            TServerSocket socket = new TServerSocket(new TServerSocket.ServerSocketTransportArgs()
                    .bindAddr(new InetSocketAddress(host, port)).backlog(1024));
            server = new TThreadPoolServer(new TThreadPoolServer.Args(socket)
                    .processor(processor)
                    .protocolFactory(new TBinaryProtocol.Factory()));
        }
        thread = new Thread(server::serve, "thrift-server");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!server.isServing() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        thread.join(5_000);
    }
}
