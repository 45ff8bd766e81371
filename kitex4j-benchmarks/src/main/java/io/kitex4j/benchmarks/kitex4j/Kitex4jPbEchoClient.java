package io.kitex4j.benchmarks.kitex4j;

import echo.Echo.EchoRequest;
import echo.kitex.EchoService;
import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.BlockingCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import io.kitex4j.client.Client;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.time.Duration;

/**
 * The Kitex4j client of issue 5's echo.proto: Kitex Protobuf (TTHeader|Framed, Kitex's default
 * for protobuf services, or Framed) over the pool of long connections, or gRPC (HTTP/2, calls
 * multiplexed over the client's connections), through the stub our protoc plugin generated.
 */
public final class Kitex4jPbEchoClient implements EchoClient {
    private final Client client;
    private final EchoService.Stub stub;
    private final EchoRequest request;
    private final String message;

    public Kitex4jPbEchoClient(String host, int port, TransportProtocol transport, int concurrency, int size, int ioThreads) {
        int idle = Math.max(1000, concurrency);
        var b = Client.builder(EchoService.DESCRIPTOR)
                .hostPorts(host + ":" + port)
                .clientServiceName("echo-bench-client")
                .transportProtocol(transport)
                .connectTimeout(Duration.ofSeconds(1));
        if (transport != TransportProtocol.GRPC) {
            b.longConnection(idle, idle, Duration.ofMinutes(1));
        }
        if (ioThreads > 0) {
            b.ioThreads(ioThreads);
        }
        this.client = b.build();
        this.stub = new EchoService.Stub(client);
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

    @Override
    public AsyncCaller newAsyncCaller(int index) {
        return done -> stub.echoAsync(request).whenComplete((r, err) -> {
            if (err != null) {
                done.done(err);
                return;
            }
            try {
                Payloads.check(message, r.getMessage());
            } catch (RuntimeException e) {
                done.done(e);
                return;
            }
            done.done(null);
        });
    }

    @Override
    public BlockingCaller newBlockingCaller(int index) {
        return () -> Payloads.check(message, stub.echo(request).getMessage());
    }

    @Override
    public void close() {
        client.close();
    }
}
