package io.kitex4j.benchmarks.kitex4j;

import echo.Echo.EchoRequest;
import echo.Echo.EchoResponse;
import echo.kitex.EchoStreamService;
import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.BlockingCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import io.kitex4j.client.Client;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.streaming.ClientStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The Kitex4j client of echo_stream.proto over gRPC, kitex-benchmark's streaming mode: every
 * caller owns one long-lived bidirectional stream ({@code EchoStreamService.Stub.echo()}, streams
 * multiplexed over the client's HTTP/2 connections) and keeps exactly one message in flight on it:
 * send, await the echo, send the next. A "call" is one message's round trip. The streams are open
 * before the closed loop starts; a stream that failed is replaced by a new one on the next call.
 * On close every stream is half-closed and its end awaited, so the server's handlers return normally.
 */
public final class Kitex4jGrpcStreamEchoClient implements EchoClient {
    private final Client client;
    private final EchoStreamService.Stub stub;
    private final EchoRequest request;
    private final String message;
    private final List<Opened> callers = new ArrayList<>();

    public Kitex4jGrpcStreamEchoClient(String host, int port, int size, int ioThreads) {
        var b = Client.builder(EchoStreamService.DESCRIPTOR)
                .hostPorts(host + ":" + port)
                .clientServiceName("echo-bench-client")
                .transportProtocol(TransportProtocol.GRPC)
                .connectTimeout(Duration.ofSeconds(1));
        if (ioThreads > 0) {
            b.ioThreads(ioThreads);
        }
        this.client = b.build();
        this.stub = new EchoStreamService.Stub(client);
        this.message = Payloads.message(size);
        this.request = EchoRequest.newBuilder().setMessage(message).build();
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public boolean supportsBlocking() {
        return true;
    }

    /** Opens a stream and waits until it is open (before the warm-up starts). */
    private ClientStream<EchoRequest, EchoResponse> open() throws Exception {
        ClientStream<EchoRequest, EchoResponse> s = stub.echo();
        s.stream().get(5, TimeUnit.SECONDS);
        return s;
    }

    @Override
    public AsyncCaller newAsyncCaller(int index) throws Exception {
        AsyncStreamCaller c = new AsyncStreamCaller(open());
        synchronized (callers) {
            callers.add(c);
        }
        return c;
    }

    @Override
    public BlockingCaller newBlockingCaller(int index) throws Exception {
        BlockingStreamCaller c = new BlockingStreamCaller(open());
        synchronized (callers) {
            callers.add(c);
        }
        return c;
    }

    /** A caller whose current stream can be ended on close. */
    private interface Opened {
        ClientStream<EchoRequest, EchoResponse> current();
    }

    /**
     * One message in flight on one stream: the send and the receive of its echo are issued
     * together (the receive asks for the next message; the stream keeps sends in order). A failed
     * send cancels the stream, so the pending receive reports the failure exactly once.
     */
    private final class AsyncStreamCaller implements AsyncCaller, Opened, BiConsumer<EchoResponse, Throwable> {
        private volatile ClientStream<EchoRequest, EchoResponse> stream;
        private Callback done;

        AsyncStreamCaller(ClientStream<EchoRequest, EchoResponse> stream) {
            this.stream = stream;
        }

        @Override
        public ClientStream<EchoRequest, EchoResponse> current() {
            return stream;
        }

        @Override
        public void call(Callback done) {
            ClientStream<EchoRequest, EchoResponse> s = stream;
            if (s == null) {
                s = stub.echo();
                stream = s;
            }
            this.done = done;
            CompletableFuture<Void> sent = s.sendAsync(request);
            if (!sent.isDone() || sent.isCompletedExceptionally()) {
                ClientStream<EchoRequest, EchoResponse> failing = s;
                sent.whenComplete((v, err) -> {
                    if (err != null) {
                        failing.cancel(err);
                    }
                });
            }
            s.recvAsync().whenComplete(this);
        }

        @Override
        public void accept(EchoResponse reply, Throwable error) {
            Callback d = done;
            if (error != null) {
                drop();
                d.done(error);
                return;
            }
            if (reply == null) {
                drop();
                d.done(new IllegalStateException("the server ended the stream"));
                return;
            }
            try {
                Payloads.check(message, reply.getMessage());
            } catch (RuntimeException e) {
                d.done(e);
                return;
            }
            d.done(null);
        }

        private void drop() {
            ClientStream<EchoRequest, EchoResponse> s = stream;
            stream = null;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** The same on a thread of its own: send, then wait for the echo. */
    private final class BlockingStreamCaller implements BlockingCaller, Opened {
        private volatile ClientStream<EchoRequest, EchoResponse> stream;

        BlockingStreamCaller(ClientStream<EchoRequest, EchoResponse> stream) {
            this.stream = stream;
        }

        @Override
        public ClientStream<EchoRequest, EchoResponse> current() {
            return stream;
        }

        @Override
        public void call() {
            ClientStream<EchoRequest, EchoResponse> s = stream;
            if (s == null) {
                s = stub.echo();
                stream = s;
            }
            try {
                s.send(request);
                EchoResponse reply = s.recv();
                if (reply == null) {
                    throw new IllegalStateException("the server ended the stream");
                }
                Payloads.check(message, reply.getMessage());
            } catch (RuntimeException e) {
                stream = null;
                s.cancel();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        try {
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            synchronized (callers) {
                for (Opened c : callers) {
                    ClientStream<EchoRequest, EchoResponse> s = c.current();
                    if (s != null) {
                        s.closeSendAsync();
                        ends.add(s.done());
                    }
                }
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("not every stream ended normally on close: " + e);
        } finally {
            client.close();
        }
    }
}
