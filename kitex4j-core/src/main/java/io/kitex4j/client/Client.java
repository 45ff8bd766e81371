package io.kitex4j.client;

import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.streaming.ClientStream;
import java.util.concurrent.CompletableFuture;

/**
 * A client of one service: the engine under generated client stubs (Kitex's
 * {@code client.Client}). Thread-safe; build one per target service and share it.
 *
 * <pre>{@code
 * Client client = Client.builder(EchoService.DESCRIPTOR)
 *         .hostPorts("127.0.0.1:8888")
 *         .rpcTimeout(Duration.ofSeconds(1))
 *         .build();
 * EchoService.Iface echo = new EchoService.Stub(client);
 * }</pre>
 *
 * <p>Errors complete the future with an {@link io.kitex4j.errors.RpcException} subclass
 * ({@link io.kitex4j.errors.RpcTimeoutException}, {@link io.kitex4j.errors.ConnectionException},
 * {@link io.kitex4j.errors.RemoteApplicationException}, ...) or a
 * {@link io.kitex4j.errors.BizStatusException}.
 */
public interface Client extends AutoCloseable {

    /** A builder for a client of {@code service}. */
    static ClientBuilder builder(ServiceDescriptor service) {
        return new ClientBuilder(service);
    }

    /**
     * Calls {@code method} asynchronously. The current {@link io.kitex4j.context.RpcContext}
     * supplies metainfo and receives backward values. For oneway methods the future completes
     * with {@code null} once the request is written.
     */
    <Req, Resp> CompletableFuture<Resp> invoke(MethodDescriptor<Req, Resp> method, Req request, CallOptions options);

    /** Calls with {@link CallOptions#DEFAULT}. */
    default <Req, Resp> CompletableFuture<Resp> invoke(MethodDescriptor<Req, Resp> method, Req request) {
        return invoke(method, request, CallOptions.DEFAULT);
    }

    /**
     * Opens a streaming call of {@code method} (client, server or bidirectional streaming; gRPC
     * transport). Returns at once; the stream opens in the background and a failure to open
     * surfaces on the first send or receive. The call runs through the same middleware chain as
     * unary calls: there the request is {@code null} and the result is the opened
     * {@link io.kitex4j.streaming.Stream}, which a middleware may wrap. The client's RPC timeout
     * (or the call's) is the stream's deadline.
     */
    <Req, Resp> ClientStream<Req, Resp> openStream(MethodDescriptor<Req, Resp> method, CallOptions options);

    /** Opens a stream with {@link CallOptions#DEFAULT}. */
    default <Req, Resp> ClientStream<Req, Resp> openStream(MethodDescriptor<Req, Resp> method) {
        return openStream(method, CallOptions.DEFAULT);
    }

    /** The service this client calls. */
    ServiceDescriptor service();

    /** The options the client was built with. */
    ClientOptions options();

    /** Closes connections; calls in flight fail. Idempotent. */
    @Override
    void close();
}
