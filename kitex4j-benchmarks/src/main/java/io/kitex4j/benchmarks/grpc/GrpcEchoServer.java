package io.kitex4j.benchmarks.grpc;

import echo.Echo.EchoRequest;
import echo.Echo.EchoResponse;
import echo.EchoServiceGrpc;
import echo.EchoStreamServiceGrpc;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kitex4j.benchmarks.driver.ServerStats;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The grpc-java peer: Netty transport (grpc-netty-shaded) with its defaults, the service from
 * {@code echo.proto} and the bidirectional streaming one from {@code echo_stream.proto} (protoc +
 * protoc-gen-grpc-java). {@code direct} runs the handler on the transport thread
 * ({@code directExecutor()}); otherwise grpc-java's default executor (a cached thread pool) runs it
 * (for a stream: each message's callback, serialized per call).
 */
public final class GrpcEchoServer implements AutoCloseable {
    private final Server server;

    public GrpcEchoServer(String host, int port, boolean direct) throws Exception {
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .addService(new Impl())
                .addService(new StreamImpl());
        if (direct) {
            b.directExecutor();
        }
        server = b.build().start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }

    static final class Impl extends EchoServiceGrpc.EchoServiceImplBase {
        @Override
        public void echo(EchoRequest request, StreamObserver<EchoResponse> out) {
            ServerStats.CALLS.increment();
            out.onNext(EchoResponse.newBuilder().setMessage(request.getMessage()).build());
            out.onCompleted();
        }
    }

    /** Echoes every message back on the same stream; ends its side when the client ends its own. */
    static final class StreamImpl extends EchoStreamServiceGrpc.EchoStreamServiceImplBase {
        @Override
        public StreamObserver<EchoRequest> echo(StreamObserver<EchoResponse> out) {
            return new StreamObserver<>() {
                @Override
                public void onNext(EchoRequest request) {
                    ServerStats.CALLS.increment();
                    out.onNext(EchoResponse.newBuilder().setMessage(request.getMessage()).build());
                }

                @Override
                public void onError(Throwable t) {
                    // cancelled by the client (or its connection closed): nothing to answer
                }

                @Override
                public void onCompleted() {
                    out.onCompleted();
                }
            };
        }
    }
}
