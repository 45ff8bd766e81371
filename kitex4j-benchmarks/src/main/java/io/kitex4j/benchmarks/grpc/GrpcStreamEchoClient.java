package io.kitex4j.benchmarks.grpc;

import echo.Echo.EchoRequest;
import echo.Echo.EchoResponse;
import echo.EchoStreamServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The grpc-java client of echo_stream.proto, kitex-benchmark's streaming mode: every caller owns
 * one long-lived bidirectional stream (async stub, {@code directExecutor()}, callers spread over
 * {@code connections} channels round-robin, default 1) with exactly one message in flight: send,
 * await the echo, send the next. The streams are started before the closed loop starts; a stream
 * that failed is replaced by a new one on the next call. On close every stream is half-closed and
 * its end awaited.
 */
public final class GrpcStreamEchoClient implements EchoClient {
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final String message;
    private final EchoRequest request;
    private final List<Caller> callers = new ArrayList<>();

    public GrpcStreamEchoClient(String host, int port, int connections, int size) {
        for (int i = 0; i < Math.max(1, connections); i++) {
            channels.add(NettyChannelBuilder.forAddress(host, port)
                    .usePlaintext()
                    .directExecutor()
                    .maxInboundMessageSize(64 << 20)
                    .build());
        }
        this.message = Payloads.message(size);
        this.request = EchoRequest.newBuilder().setMessage(message).build();
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
    public AsyncCaller newAsyncCaller(int index) {
        Caller c = new Caller(EchoStreamServiceGrpc.newStub(channels.get(index % channels.size())));
        synchronized (callers) {
            callers.add(c);
        }
        return c;
    }

    /** One stream; {@code done} is set while a message is in flight. */
    private final class Caller implements AsyncCaller {
        private final EchoStreamServiceGrpc.EchoStreamServiceStub stub;
        private final Object lock = new Object();
        private Stream stream;
        private Callback done;

        Caller(EchoStreamServiceGrpc.EchoStreamServiceStub stub) {
            this.stub = stub;
            synchronized (lock) {
                stream = new Stream();
            }
        }

        @Override
        public void call(Callback done) {
            Stream s;
            synchronized (lock) {
                if (stream == null) {
                    stream = new Stream();
                }
                s = stream;
                this.done = done;
            }
            s.requests.onNext(request);
        }

        /** Ends the message in flight, if any (exactly once). */
        private void finish(Stream from, Throwable error) {
            Callback d;
            synchronized (lock) {
                if (error != null && stream == from) {
                    stream = null;
                }
                d = done;
                done = null;
            }
            if (d != null) {
                d.done(error);
            }
        }

        /** Half-closes the current stream; completes when the server ended it. */
        CompletableFuture<Void> close() {
            Stream s;
            synchronized (lock) {
                s = stream;
            }
            if (s == null) {
                return CompletableFuture.completedFuture(null);
            }
            s.requests.onCompleted();
            return s.ended;
        }

        private final class Stream implements StreamObserver<EchoResponse> {
            final StreamObserver<EchoRequest> requests;
            final CompletableFuture<Void> ended = new CompletableFuture<>();

            Stream() {
                requests = stub.echo(this);
            }

            @Override
            public void onNext(EchoResponse reply) {
                try {
                    Payloads.check(message, reply.getMessage());
                } catch (RuntimeException e) {
                    finish(this, e);
                    return;
                }
                finish(this, null);
            }

            @Override
            public void onError(Throwable t) {
                ended.completeExceptionally(t);
                finish(this, t);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
                finish(this, new IllegalStateException("the server ended the stream"));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            synchronized (callers) {
                for (Caller c : callers) {
                    ends.add(c.close());
                }
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("not every stream ended normally on close: " + e);
        } finally {
            for (ManagedChannel c : channels) {
                c.shutdownNow();
            }
            for (ManagedChannel c : channels) {
                c.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
