package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.streaming.Stream;
import io.kitex4j.transport.netty.internal.NettyClientTransport;
import io.kitex4j.transport.netty.internal.NettyServerTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A server transport with a {@link TestDispatcher} and a client transport pointed at it. */
final class GrpcHarness implements AutoCloseable {
    static final TransportConfig DEFAULT = TransportConfig.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    final TestDispatcher dispatcher = new TestDispatcher();
    final NettyServerTransport server;
    final InetSocketAddress address;
    final NettyClientTransport client;
    private boolean serverStopped;

    GrpcHarness() throws Exception {
        this(DEFAULT, DEFAULT);
    }

    GrpcHarness(TransportConfig serverConfig, TransportConfig clientConfig) throws Exception {
        server = new NettyServerTransport(serverConfig);
        address = server.start(new InetSocketAddress("127.0.0.1", 0), dispatcher);
        client = new NettyClientTransport(clientConfig);
    }

    static RemoteMessage request(MethodDescriptor<?, ?> method, Object body) {
        return new RemoteMessage(MessageType.CALL, method.name(), SEQ.incrementAndGet())
                .method(method)
                .serviceName(TestDispatcher.SERVICE)
                .transport(TransportProtocol.GRPC)
                .payloadProtocol(PayloadProtocol.PROTOBUF)
                .callHeaders(new CallHeaders())
                .body(body);
    }

    RemoteMessage call(RemoteMessage request) throws Exception {
        return client.send(request, address).get(10, TimeUnit.SECONDS);
    }

    RemoteMessage call(String body) throws Exception {
        return call(request(TestDispatcher.UNARY, body));
    }

    Stream open(MethodDescriptor<?, ?> method) throws Exception {
        return client.openStream(request(method, null), address).get(10, TimeUnit.SECONDS);
    }

    void stopServer(Duration exitWait) {
        if (!serverStopped) {
            serverStopped = true;
            server.shutdown(exitWait);
        }
    }

    @Override
    public void close() {
        client.close();
        stopServer(Duration.ofSeconds(1));
        dispatcher.close();
    }
}
