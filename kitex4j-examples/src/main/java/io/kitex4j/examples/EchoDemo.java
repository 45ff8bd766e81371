package io.kitex4j.examples;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.examples.greeter.Greeter;
import io.kitex4j.examples.greeter.HelloReply;
import io.kitex4j.examples.greeter.HelloRequest;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ServerStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The main job: starts one server on a free port hosting a Thrift echo service and a protobuf
 * Greeter service, then calls the echo service over every Thrift transport the server detects
 * (Buffered, Framed, TTHeader, TTHeader|Framed) and both Thrift protocols, with metainfo, a
 * declared exception and a business status error; then the Greeter over Kitex Protobuf (Framed and
 * TTHeader|Framed) and gRPC (unary, a status error, and a bidirectional stream), all on the same
 * port, and prints what happened.
 */
public final class EchoDemo {
    private EchoDemo() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoHandler()))
                .service(Greeter.definition(new GreeterHandler()))
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
            for (TransportProtocol transport : new TransportProtocol[] {TransportProtocol.FRAMED,
                    TransportProtocol.TTHEADER_FRAMED, TransportProtocol.GRPC}) {
                try (Client client = Client.builder(Greeter.DESCRIPTOR)
                        .hostPorts(addr.getHostString() + ":" + addr.getPort())
                        .clientServiceName("greeter-demo")
                        .transportProtocol(transport)
                        .rpcTimeout(Duration.ofSeconds(3))
                        .connectTimeout(Duration.ofSeconds(1))
                        .build()) {
                    greet(new Greeter.Stub(client), transport, calls);
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

    private static void greet(Greeter.Stub greeter, TransportProtocol transport, int calls) {
        String label = String.format("%-16s %-14s", transport, transport == TransportProtocol.GRPC ? "PROTOBUF" : "KITEX_PROTOBUF");
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            HelloReply r = greeter.sayHello(HelloRequest.newBuilder().setName("n" + i).build());
            if (!r.getMessage().equals("hello, n" + i)) {
                throw new IllegalStateException("wrong greeting: " + r);
            }
        }
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, calls);
        // Over gRPC metainfo keys travel as lower-case headers and arrive upper-case (Kitex's mapping).
        RpcContext ctx = RpcContext.current().withValue("TRACE_TAG", "demo");
        String meta;
        try {
            meta = ctx.call(() -> greeter.sayHello(HelloRequest.newBuilder().setName("metainfo").build())).getMessage();
        } catch (Exception e) {
            meta = e.toString();
        }
        String error;
        try {
            greeter.sayHello(HelloRequest.newBuilder().setName("").build());
            error = "no error?";
        } catch (RuntimeException e) {
            error = StatusCode.of(e) + " " + e.getMessage();
        }
        String chat = "";
        if (transport == TransportProtocol.GRPC) {
            ClientStream<HelloRequest, HelloReply> stream = greeter.chat();
            StringBuilder replies = new StringBuilder();
            for (String name : new String[] {"ann", "bob", "cy"}) {
                stream.send(HelloRequest.newBuilder().setName(name).build());
                replies.append(stream.recv().getMessage()).append("; ");
            }
            stream.closeSend();
            if (stream.recv() != null) {
                throw new IllegalStateException("the chat did not end");
            }
            chat = "; chat -> " + replies;
        }
        System.out.printf("client: %s %d greetings ok (%d us/call); metainfo -> %s; error -> %s%s%n",
                label, calls, micros, meta, error, chat);
    }

    /** The Greeter handler: unary greetings (an empty name is an INVALID_ARGUMENT) and a bidirectional chat. */
    static final class GreeterHandler implements Greeter.Iface {
        @Override
        public HelloReply sayHello(HelloRequest request) {
            if (request.getName().isEmpty()) {
                throw new StatusException(StatusCode.INVALID_ARGUMENT, "name must not be empty");
            }
            if (request.getName().equals("metainfo")) {
                RpcContext ctx = RpcContext.current();
                return HelloReply.newBuilder().setMessage("TRACE_TAG=" + ctx.metainfo().value("TRACE_TAG") + " from "
                        + ctx.rpcInfo().from().serviceName() + " over " + ctx.rpcInfo().config().transportProtocol()).build();
            }
            return HelloReply.newBuilder().setMessage("hello, " + request.getName()).build();
        }

        @Override
        public void chat(ServerStream<HelloRequest, HelloReply> stream) {
            for (HelloRequest r = stream.recv(); r != null; r = stream.recv()) {
                stream.send(HelloReply.newBuilder().setMessage("hello, " + r.getName()).build());
            }
        }
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
