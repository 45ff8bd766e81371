package io.kitex4j.benchmarks.thrift;

import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.BlockingCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.async.AsyncMethodCallback;
import org.apache.thrift.async.TAsyncClientManager;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TNonblockingSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * libthrift's own clients, one connection per caller. Asynchronous (framed only): a
 * {@code TAsyncClient} per caller on one shared {@link TAsyncClientManager} selector thread.
 * Blocking: a {@code TSocket} (framed, or buffered = plain) and a synchronous client per thread.
 * A caller whose connection failed opens a new one for its next call (a libthrift client in error
 * refuses every later call), as an application would.
 */
public final class LibThriftEchoClient implements EchoClient {
    private final String host;
    private final int port;
    private final boolean framed;
    private final String message;
    private final List<TTransport> transports = new ArrayList<>();
    private TAsyncClientManager manager;

    public LibThriftEchoClient(String host, int port, boolean framed, int size) {
        this.host = host;
        this.port = port;
        this.framed = framed;
        this.message = Payloads.message(size);
    }

    @Override
    public boolean supportsAsync() {
        return framed;
    }

    @Override
    public boolean supportsBlocking() {
        return true;
    }

    private synchronized <T extends TTransport> T track(T t) {
        transports.add(t);
        return t;
    }

    @Override
    public synchronized AsyncCaller newAsyncCaller(int index) throws Exception {
        if (!framed) {
            throw new UnsupportedOperationException("libthrift's async client is framed only");
        }
        if (manager == null) {
            manager = new TAsyncClientManager();
        }
        TAsyncClientManager m = manager;
        return new AsyncCaller() {
            private LibThriftEcho.AsyncClient client;
            private TNonblockingSocket socket;

            @Override
            public void call(Callback done) {
                try {
                    if (client == null || client.hasError()) {
                        if (socket != null) {
                            socket.close();
                        }
                        socket = track(new TNonblockingSocket(host, port, 5_000));
                        client = new LibThriftEcho.AsyncClient(new TBinaryProtocol.Factory(), m, socket);
                    }
                    client.echo(new LibThriftEcho.EchoRequest(message), new AsyncMethodCallback<>() {
                        @Override
                        public void onComplete(LibThriftEcho.EchoResponse r) {
                            try {
                                Payloads.check(message, r.message);
                            } catch (RuntimeException e) {
                                done.done(e);
                                return;
                            }
                            done.done(null);
                        }

                        @Override
                        public void onError(Exception e) {
                            done.done(e);
                        }
                    });
                } catch (Exception e) {
                    done.done(e);
                }
            }
        };
    }

    @Override
    public BlockingCaller newBlockingCaller(int index) throws Exception {
        return new BlockingCaller() {
            private TTransport transport = open();
            private LibThriftEcho.Client client = new LibThriftEcho.Client(new TBinaryProtocol(transport));

            private TTransport open() throws Exception {
                TSocket socket = new TSocket(host, port, 5_000);
                socket.open();
                return track(framed ? new TFramedTransport(socket) : socket);
            }

            @Override
            public void call() throws Exception {
                if (transport == null) {
                    transport = open();
                    client = new LibThriftEcho.Client(new TBinaryProtocol(transport));
                }
                try {
                    Payloads.check(message, client.echo(new LibThriftEcho.EchoRequest(message)).message);
                } catch (Exception e) {
                    transport.close();
                    transport = null;
                    throw e;
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            manager.stop();
        }
        for (TTransport t : transports) {
            t.close();
        }
    }
}
