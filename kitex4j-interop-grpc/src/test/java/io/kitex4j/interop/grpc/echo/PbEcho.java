package io.kitex4j.interop.grpc.echo;

import com.google.protobuf.ByteString;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.interop.grpc.echo.proto.EchoRequest;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.streaming.ServerStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code echo.EchoService} of {@code echo.proto} for Kitex4j, built by hand (as generated code
 * would), and its handlers. The unary handler acts on the request text, the same way
 * {@link GrpcJavaEcho} does for grpc-java:
 * <ul>
 *   <li>{@code status:CODE:text} → that status, with a {@code google.rpc.Status} as details;</li>
 *   <li>{@code biz} → business error 404 "not found" {k:v}; {@code fail:text} → a plain exception;</li>
 *   <li>{@code sleep:MS}, {@code wait:NAME} (until {@link #release}) → then echo;</li>
 *   <li>{@code deadline} → the deadline left in ms ({@code -1}: none); {@code metainfo} → the
 *       received metainfo; {@code compressed?} → whether the request came compressed;</li>
 *   <li>{@code gzip} → a compressed, compressible answer; {@code big:N} → N bytes.</li>
 * </ul>
 * Every call echoes the request header {@code x-echo-initial} as a response header and
 * {@code x-echo-trailing-bin} as a trailer (grpc-java's interop convention).
 */
public final class PbEcho {
    public static final MethodDescriptor<EchoRequest, EchoResponse> ECHO = method("Echo", InteractionMode.PING_PONG);
    public static final MethodDescriptor<EchoRequest, EchoResponse> SERVER_STREAM = method("ServerStream", InteractionMode.SERVER_STREAMING);
    public static final MethodDescriptor<EchoRequest, EchoResponse> CLIENT_STREAM = method("ClientStream", InteractionMode.CLIENT_STREAMING);
    public static final MethodDescriptor<EchoRequest, EchoResponse> BIDI = method("Bidi", InteractionMode.BIDI_STREAMING);
    /** On clients only: a method the servers do not have. */
    public static final MethodDescriptor<EchoRequest, EchoResponse> NOPE = method("Nope", InteractionMode.PING_PONG);

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.builder("EchoService", PayloadKind.PROTOBUF)
            .packageName("echo").method(ECHO).method(SERVER_STREAM).method(CLIENT_STREAM).method(BIDI).build();
    /** The client's view, with {@link #NOPE}. */
    public static final ServiceDescriptor CLIENT_DESCRIPTOR = ServiceDescriptor.builder("EchoService", PayloadKind.PROTOBUF)
            .packageName("echo").method(ECHO).method(SERVER_STREAM).method(CLIENT_STREAM).method(BIDI).method(NOPE).build();

    private static final Map<String, CountDownLatch> WAITS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();

    private PbEcho() {}

    private static MethodDescriptor<EchoRequest, EchoResponse> method(String name, InteractionMode mode) {
        return MethodDescriptor.of(name, mode, ProtobufCodec.of(EchoRequest.getDefaultInstance()),
                ProtobufCodec.of(EchoResponse.getDefaultInstance()));
    }

    public static EchoRequest req(String message) {
        return EchoRequest.newBuilder().setMessage(message).build();
    }

    public static EchoResponse resp(String message) {
        return EchoResponse.newBuilder().setMessage(message).build();
    }

    /** Releases the handlers waiting in {@code wait:NAME}. */
    public static void release(String name) {
        WAITS.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
    }

    /** Waits until a handler entered {@code wait:NAME}. */
    public static boolean awaitStarted(String name) throws InterruptedException {
        return STARTED.computeIfAbsent(name, n -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS);
    }

    /** For handlers: says it started, then waits until {@link #release}d (30 s at most). */
    public static void waitFor(String name) throws InterruptedException {
        STARTED.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
        WAITS.computeIfAbsent(name, n -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
    }

    /** {@code google.rpc.Status} bytes, the usual content of {@code grpc-status-details-bin}. */
    public static byte[] details(int code, String message) {
        return com.google.rpc.Status.newBuilder().setCode(code).setMessage(message)
                .addDetails(com.google.protobuf.Any.pack(resp("detail"))).build().toByteArray();
    }

    public static ServiceDefinition definition() {
        return ServiceDefinition.builder(DESCRIPTOR)
                .unary(ECHO, PbEcho::echo)
                .stream(SERVER_STREAM, PbEcho::serverStream)
                .stream(CLIENT_STREAM, PbEcho::clientStream)
                .stream(BIDI, PbEcho::bidi)
                .build();
    }

    static void echoMetadata() {
        CallHeaders h = CallHeaders.current();
        if (h == null) {
            return;
        }
        String initial = h.get("x-echo-initial");
        if (initial != null) {
            h.setHeader("x-echo-initial", initial);
        }
        byte[] trailing = h.getBinary("x-echo-trailing-bin");
        if (trailing != null) {
            h.setBinaryTrailer("x-echo-trailing-bin", trailing);
        }
    }

    static EchoResponse echo(EchoRequest req) throws Exception {
        echoMetadata();
        String m = req.getMessage();
        if (m.startsWith("status:")) {
            String[] p = m.split(":", 3);
            int code = Integer.parseInt(p[1]);
            throw new StatusException(StatusCode.fromValue(code), p[2], details(code, p[2]), null);
        }
        if (m.equals("biz")) {
            throw new BizStatusException(404, "not found", Map.of("k", "v"));
        }
        if (m.startsWith("fail:")) {
            throw new IllegalStateException(m.substring(5));
        }
        if (m.startsWith("sleep:")) {
            Thread.sleep(Long.parseLong(m.substring(6)));
        }
        if (m.startsWith("wait:")) {
            waitFor(m.substring(5));
        }
        if (m.equals("deadline")) {
            RpcContext ctx = RpcContext.current();
            long ms = ctx.rpcInfo().config().rpcTimeout().toMillis();
            return resp(Long.toString(ms == 0 ? -1 : ms));
        }
        if (m.equals("metainfo")) {
            RpcContext ctx = RpcContext.current();
            return resp(ctx.metainfo().value("TRANSIENT_KEY") + "," + ctx.metainfo().persistentValue("PERSIST_KEY"));
        }
        if (m.equals("compressed?")) {
            return resp(Boolean.toString(CallHeaders.current().requestCompressed()));
        }
        if (m.equals("gzip")) {
            CallHeaders.current().compressResponses(true);
            return resp("gzip ".repeat(2000));
        }
        if (m.startsWith("big:")) {
            return EchoResponse.newBuilder().setMessage("x".repeat(Integer.parseInt(m.substring(4)))).build();
        }
        return resp(m);
    }

    /** Sends the request's text N times, N = its length (at most 100). */
    static void serverStream(ServerStream<EchoRequest, EchoResponse> s) {
        echoMetadata();
        EchoRequest req = s.recv();
        for (int i = 0; i < Math.min(100, req.getMessage().length()); i++) {
            s.send(resp(req.getMessage() + i));
        }
    }

    /** Answers with the requests joined by commas. */
    static void clientStream(ServerStream<EchoRequest, EchoResponse> s) {
        echoMetadata();
        StringBuilder sb = new StringBuilder();
        EchoRequest r;
        while ((r = s.recv()) != null) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.getMessage());
        }
        s.send(resp(sb.toString()));
    }

    /** How the last bidi handlers ended: the exception, or {@code null} for a normal return. */
    public static final java.util.concurrent.BlockingQueue<java.util.Optional<Throwable>> BIDI_ENDS =
            new java.util.concurrent.LinkedBlockingQueue<>();

    /**
     * Echoes each request; {@code status:CODE:text} ends the call with that status,
     * {@code cancel} cancels it from the server.
     */
    static void bidi(ServerStream<EchoRequest, EchoResponse> s) {
        echoMetadata();
        try {
            EchoRequest r;
            while ((r = s.recv()) != null) {
                String m = r.getMessage();
                if (m.startsWith("status:")) {
                    String[] p = m.split(":", 3);
                    throw new StatusException(StatusCode.fromValue(Integer.parseInt(p[1])), p[2]);
                }
                if (m.equals("cancel")) {
                    s.stream().cancel(new RuntimeException("the server cancels"));
                    BIDI_ENDS.add(java.util.Optional.empty());
                    return;
                }
                s.send(resp(m));
            }
            BIDI_ENDS.add(java.util.Optional.empty());
        } catch (RuntimeException e) {
            BIDI_ENDS.add(java.util.Optional.of(e));
            throw e;
        }
    }

    /** A payload of {@code n} bytes. */
    public static ByteString bytes(int n) {
        return ByteString.copyFrom(new byte[n]);
    }
}
