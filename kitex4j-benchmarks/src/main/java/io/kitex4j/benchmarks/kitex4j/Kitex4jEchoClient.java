package io.kitex4j.benchmarks.kitex4j;

import io.kitex4j.benchmarks.driver.AsyncCaller;
import io.kitex4j.benchmarks.driver.BlockingCaller;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Payloads;
import io.kitex4j.client.Client;
import echo.EchoRequest;
import echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.time.Duration;

/**
 * The Kitex4j client: one {@link Client} (its pool of long connections, one request in flight per
 * connection) shared by every caller, through the generated-style stub. The pool may keep as many
 * idle connections as there are callers (kitex-benchmark's {@code WithLongConnection} with 1000),
 * so that the closed loop never churns connections; no RPC timeout (Kitex's default); connect
 * timeout 1 s instead of 50 ms so that 500 simultaneous dials on one core do not fail.
 */
public final class Kitex4jEchoClient implements EchoClient {
    private final Client client;
    private final EchoService.Stub stub;
    private final String message;

    public Kitex4jEchoClient(String host, int port, TransportProtocol transport, PayloadProtocol payload, int concurrency,
                             int size, int ioThreads) {
        int idle = Math.max(1000, concurrency);
        var b = Client.builder(EchoService.DESCRIPTOR)
                .hostPorts(host + ":" + port)
                .clientServiceName("echo-bench-client")
                .destService("EchoService")
                .transportProtocol(transport)
                .payloadProtocol(payload)
                .connectTimeout(Duration.ofSeconds(1))
                .longConnection(idle, idle, Duration.ofMinutes(1));
        if (ioThreads > 0) {
            b.ioThreads(ioThreads);
        }
        this.client = b.build();
        this.stub = new EchoService.Stub(client);
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
        return done -> stub.echoAsync(new EchoRequest(message)).whenComplete((r, err) -> {
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
        return () -> Payloads.check(message, stub.echo(new EchoRequest(message)).getMessage());
    }

    @Override
    public void close() {
        client.close();
    }
}
