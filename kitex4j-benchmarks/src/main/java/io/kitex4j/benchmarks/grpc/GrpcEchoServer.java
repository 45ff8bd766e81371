package io.kitex4j.benchmarks.grpc;

import echo.Echo.EchoRequest;
import echo.Echo.EchoResponse;
import echo.EchoServiceGrpc;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kitex4j.benchmarks.driver.ServerStats;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The grpc-java peer: Netty transport (grpc-netty-shaded) with its defaults, the service from
 * {@code echo.proto} (protoc + protoc-gen-grpc-java). {@code direct} runs the handler on the
 * transport thread ({@code directExecutor()}); otherwise grpc-java's default executor (a cached
 * thread pool) runs it.
 */
public final class GrpcEchoServer implements AutoCloseable {
    private final Server server;

    public GrpcEchoServer(String host, int port, boolean direct) throws Exception {
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .addService(new Impl());
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
}
