package io.kitex4j.benchmarks.grpc;

import echo.Echo.EchoRequest;
import echo.Echo.EchoResponse;
import echo.EchoServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.BlockingCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The grpc-java client: {@code connections} channels (HTTP/2 connections; default 1, calls
 * multiplexed), callers spread over them round-robin; asynchronous stub with
 * {@code directExecutor()} so that the client spends no thread hop per call.
 */
public final class GrpcEchoClient implements EchoClient {
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final String message;

    public GrpcEchoClient(String host, int port, int connections, int size) {
        for (int i = 0; i < Math.max(1, connections); i++) {
            channels.add(NettyChannelBuilder.forAddress(host, port)
                    .usePlaintext()
                    .directExecutor()
                    .maxInboundMessageSize(64 << 20)
                    .build());
        }
        this.message = Payloads.message(size);
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public boolean supportsBlocking() {
        return true;
    }

    @Override
    public AsyncCaller newAsyncCaller(int index) {
        EchoServiceGrpc.EchoServiceStub stub = EchoServiceGrpc.newStub(channels.get(index % channels.size()));
        return done -> stub.echo(EchoRequest.newBuilder().setMessage(message).build(), new StreamObserver<EchoResponse>() {
            private EchoResponse reply;

            @Override
            public void onNext(EchoResponse value) {
                reply = value;
            }

            @Override
            public void onError(Throwable t) {
                done.done(t);
            }

            @Override
            public void onCompleted() {
                try {
                    Payloads.check(message, reply == null ? null : reply.getMessage());
                } catch (RuntimeException e) {
                    done.done(e);
                    return;
                }
                done.done(null);
            }
        });
    }

    @Override
    public BlockingCaller newBlockingCaller(int index) {
        EchoServiceGrpc.EchoServiceBlockingStub stub = EchoServiceGrpc.newBlockingStub(channels.get(index % channels.size()));
        return () -> Payloads.check(message, stub.echo(EchoRequest.newBuilder().setMessage(message).build()).getMessage());
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel c : channels) {
            c.shutdownNow();
        }
        for (ManagedChannel c : channels) {
            c.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
