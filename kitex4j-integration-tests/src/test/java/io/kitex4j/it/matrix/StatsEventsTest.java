package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.RpcStats;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.Tracer;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a tracer installed, both sides record Kitex's detailed timeline in order. */
class StatsEventsTest {

    @Test
    void tracerSeesADetailedTimelineInOrderOnBothSides() throws Exception {
        BlockingQueue<RpcInfo> clientSide = new ArrayBlockingQueue<>(4);
        BlockingQueue<RpcInfo> serverSide = new ArrayBlockingQueue<>(4);
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public EchoResponse echo(EchoRequest req) {
                        return new EchoResponse(req.getMessage());
                    }

                    @Override
                    public void fire(EchoRequest req) {}
                }))
                .tracer(ctx -> serverSide.add(ctx.rpcInfo()))
                .build();
        InetSocketAddress addr = server.start();
        try (Client client = Client.builder(EchoService.DESCRIPTOR)
                .hostPorts("127.0.0.1:" + addr.getPort())
                .transportProtocol(TransportProtocol.TTHEADER_FRAMED)
                .tracer(new Tracer() {
                    @Override
                    public RpcContext start(RpcContext ctx) {
                        return ctx;
                    }

                    @Override
                    public void finish(RpcContext ctx) {
                        clientSide.add(ctx.rpcInfo());
                    }
                })
                .build()) {
            assertThat(new EchoService.Stub(client).echo(new EchoRequest("x")).getMessage()).isEqualTo("x");
            RpcStats c = clientSide.poll(10, TimeUnit.SECONDS).stats();
            assertThat(c.sendSize()).isPositive();
            assertThat(c.recvSize()).isPositive();
            assertInOrder(c, StatsEvent.RPC_START, StatsEvent.CLIENT_CONN_START, StatsEvent.CLIENT_CONN_FINISH,
                    StatsEvent.WRITE_START, StatsEvent.WRITE_FINISH, StatsEvent.WAIT_READ_START, StatsEvent.WAIT_READ_FINISH,
                    StatsEvent.READ_START, StatsEvent.READ_FINISH, StatsEvent.RPC_FINISH);
            RpcStats s = serverSide.poll(10, TimeUnit.SECONDS).stats();
            assertThat(s.recvSize()).isPositive();
            assertInOrder(s, StatsEvent.RPC_START, StatsEvent.SERVER_HANDLE_START, StatsEvent.SERVER_HANDLE_FINISH,
                    StatsEvent.RPC_FINISH);
        } finally {
            server.stop();
        }
    }

    private static void assertInOrder(RpcStats stats, StatsEvent... events) {
        long last = Long.MIN_VALUE;
        for (StatsEvent e : events) {
            long t = stats.eventNanos(e);
            assertThat(t).as("%s recorded", e).isNotEqualTo(-1L);
            assertThat(t).as("%s after the previous event", e).isGreaterThanOrEqualTo(last);
            last = t;
        }
    }
}
