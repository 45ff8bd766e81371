package io.kitex4j.examples;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The main job: starts an echo server on a free port, then calls it over every transport the
 * server detects (Buffered, Framed, TTHeader, TTHeader|Framed) and both Thrift protocols, with
 * metainfo, a declared exception and a business status error, and prints what happened.
 */
public final class EchoDemo {
    private EchoDemo() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoHandler()))
                .build();
        InetSocketAddress addr = server.start();
        System.out.println("server: listening on " + addr);
        try {
            for (PayloadProtocol payload : new PayloadProtocol[] {PayloadProtocol.THRIFT_BINARY, PayloadProtocol.THRIFT_COMPACT}) {
                for (TransportProtocol transport : new TransportProtocol[] {TransportProtocol.BUFFERED, TransportProtocol.FRAMED,
                        TransportProtocol.TTHEADER, TransportProtocol.TTHEADER_FRAMED}) {
                    try (Client client = Client.builder(EchoService.DESCRIPTOR)
                            .hostPorts(addr.getHostString() + ":" + addr.getPort())
                            .clientServiceName("echo-demo")
                            .transportProtocol(transport)
                            .payloadProtocol(payload)
                            .rpcTimeout(Duration.ofSeconds(3))
                            .connectTimeout(Duration.ofSeconds(1))
                            .build()) {
                        run(new EchoService.Stub(client), transport, payload, calls);
                    }
                }
            }
        } finally {
            server.stop();
            System.out.println("server: stopped gracefully");
        }
    }

    private static void run(EchoService.Stub echo, TransportProtocol transport, PayloadProtocol payload, int calls) throws Exception {
        String label = String.format("%-16s %-14s", transport, payload);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            EchoResponse r = echo.echo(new EchoRequest("hello " + i));
            if (!r.getMessage().equals("hello " + i)) {
                throw new IllegalStateException("wrong echo: " + r);
            }
        }
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, calls);
        RpcContext ctx = RpcContext.current().withValue("trace_tag", "demo").withBackwardReceiver();
        EchoResponse meta = ctx.call(() -> echo.echo(new EchoRequest("metainfo")));
        String declared;
        try {
            echo.echo(new EchoRequest("error"));
            declared = "no exception?";
        } catch (EchoError e) {
            declared = e.getMessage();
        }
        String biz;
        try {
            echo.echo(new EchoRequest("bizerror"));
            biz = "no error";
        } catch (BizStatusException e) {
            biz = "BizStatusException " + e.statusCode() + " " + e.statusMessage() + " " + e.extra();
        } catch (RuntimeException e) {
            biz = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        echo.fire(new EchoRequest("oneway"));
        System.out.printf("client: %s %d echo calls ok (%d us/call); metainfo -> %s, backward=%s; declared -> %s; biz -> %s%n",
                label, calls, micros, meta.getMessage(), ctx.receivedBackwardValues().get("served_by"), declared, biz);
    }

    /** The demo handler: echoes, and shows metainfo, declared exceptions and business status errors. */
    static final class EchoHandler implements EchoService.Iface {
        @Override
        public EchoResponse echo(EchoRequest req) throws EchoError {
            String m = req.getMessage();
            switch (m) {
                case "error":
                    throw new EchoError(42, "declared failure");
                case "bizerror":
                    throw new BizStatusException(404, "not found", java.util.Map.of("k", "v"));
                case "metainfo":
                    RpcContext ctx = RpcContext.current();
                    ctx.sendBackwardValue("served_by", "kitex4j");
                    return new EchoResponse("trace_tag=" + ctx.metainfo().value("trace_tag") + " from "
                            + ctx.rpcInfo().from().serviceName());
                default:
                    return new EchoResponse(m);
            }
        }

        @Override
        public void fire(EchoRequest req) {
            // oneway: nothing to reply
        }
    }
}
