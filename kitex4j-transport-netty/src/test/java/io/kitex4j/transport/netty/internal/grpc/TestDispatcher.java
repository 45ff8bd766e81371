package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.streaming.Stream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake server engine for the transport tests: service {@code test.Echo} with methods
 * {@code Unary}, {@code ServerStream}, {@code ClientStream} and {@code Bidi}. The unary handler
 * acts on the request text (see {@link #unary}); streaming calls run {@link #streamHandler}.
 */
final class TestDispatcher implements InboundDispatcher {
    static final String SERVICE = "test.Echo";
    static final MethodDescriptor<String, String> UNARY = TestCodecs.method("Unary", InteractionMode.PING_PONG);
    static final MethodDescriptor<String, String> SERVER_STREAM = TestCodecs.method("ServerStream", InteractionMode.SERVER_STREAMING);
    static final MethodDescriptor<String, String> CLIENT_STREAM = TestCodecs.method("ClientStream", InteractionMode.CLIENT_STREAMING);
    static final MethodDescriptor<String, String> BIDI = TestCodecs.method("Bidi", InteractionMode.BIDI_STREAMING);
    private static final Map<String, MethodDescriptor<String, String>> METHODS = Map.of(
            "Unary", UNARY, "ServerStream", SERVER_STREAM, "ClientStream", CLIENT_STREAM, "Bidi", BIDI);

    interface StreamHandler {
        void handle(RemoteMessage request, Stream stream) throws Exception;
    }

    final List<RemoteMessage> requests = new CopyOnWriteArrayList<>();
    final List<Throwable> streamOutcomes = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-handler");
        t.setDaemon(true);
        return t;
    });
    volatile StreamHandler streamHandler = TestDispatcher::echo;
    /** Unary calls answered on the caller's thread (the event loop), as the I/O-thread handler mode does. */
    volatile boolean unaryInline;

    @Override
    public void route(RemoteMessage request) {
        if (!SERVICE.equals(request.serviceName())) {
            throw new ApplicationException(ApplicationException.UNKNOWN_SERVICE, "unknown service " + request.serviceName());
        }
        MethodDescriptor<?, ?> m = METHODS.get(request.methodName());
        if (m == null) {
            throw new ApplicationException(ApplicationException.UNKNOWN_METHOD, "unknown method " + request.methodName());
        }
        request.method(m);
    }

    @Override
    public void dispatch(RemoteMessage request, ReplySink sink) {
        requests.add(request);
        if (unaryInline) {
            sink.reply(unary(request));
            return;
        }
        pool.execute(() -> sink.reply(unary(request)));
    }

    @Override
    public void dispatchStream(RemoteMessage request, Stream stream, ReplySink sink) {
        requests.add(request);
        pool.execute(() -> {
            RemoteMessage reply = reply(request, MessageType.REPLY);
            try {
                streamHandler.handle(request, stream);
                streamOutcomes.add(new Throwable("ok"));
            } catch (Throwable t) {
                streamOutcomes.add(t);
                reply.messageType(MessageType.EXCEPTION).error(t);
            }
            sink.reply(reply);
        });
    }

    @Override
    public boolean draining() {
        return false;
    }

    void close() {
        pool.shutdownNow();
    }

    static RemoteMessage reply(RemoteMessage req, int type) {
        return new RemoteMessage(type, req.methodName(), req.seqId()).method(req.method()).serviceName(req.serviceName())
                .transport(req.transport()).payloadProtocol(req.payloadProtocol()).callHeaders(req.callHeaders());
    }

    /**
     * {@code status:CODE:msg} → that status (details "det"); {@code biz} → business error 404;
     * {@code fail:x} → a plain exception; {@code panic} → an Error; {@code app:TYPE} → an
     * ApplicationException; {@code sleep:MS} → sleeps, then echoes; {@code meta} → sets response
     * headers and trailers, answers with the request metadata; {@code gzip} → compressed echo;
     * {@code big:N} → N 'x'; {@code deadline} → the deadline left in ms; anything else → echo.
     */
    static RemoteMessage unary(RemoteMessage req) {
        String body = (String) req.body();
        RemoteMessage reply = reply(req, MessageType.REPLY);
        try {
            if (body.startsWith("status:")) {
                String[] p = body.split(":", 3);
                return reply.messageType(MessageType.EXCEPTION).error(new StatusException(StatusCode.fromValue(Integer.parseInt(p[1])),
                        p[2], "det".getBytes(StandardCharsets.UTF_8), null));
            }
            if (body.equals("biz")) {
                reply.error(new BizStatusException(404, "not found", Map.of("k", "v")));
                reply.strInfo().put("biz-status", "404");
                reply.strInfo().put("biz-extra", "{\"k\":\"v\"}");
                return reply;
            }
            if (body.startsWith("fail:")) {
                throw new IllegalStateException(body.substring(5));
            }
            if (body.equals("panic")) {
                throw new AssertionError("boom");
            }
            if (body.startsWith("app:")) {
                throw new ApplicationException(Integer.parseInt(body.substring(4)), "app error");
            }
            if (body.startsWith("sleep:")) {
                Thread.sleep(Long.parseLong(body.substring(6)));
                return reply.body(body);
            }
            if (body.equals("meta")) {
                CallHeaders h = req.callHeaders();
                h.setHeader("h1", "v1");
                h.setBinaryHeader("hb-bin", new byte[] {0, 1, 2, (byte) 0xFF});
                h.setTrailer("t1", "tv");
                h.setBinaryTrailer("tb-bin", new byte[] {9, 8, 7});
                return reply.body(new TreeMap<>(req.strInfo()).toString());
            }
            if (body.equals("gzip")) {
                req.callHeaders().compressResponses(true);
                return reply.body("gzip".repeat(1000));
            }
            if (body.startsWith("big:")) {
                return reply.body("x".repeat(Integer.parseInt(body.substring(4))));
            }
            if (body.equals("deadline")) {
                long left = req.deadlineNanos() == 0 ? -1 : (req.deadlineNanos() - System.nanoTime()) / 1_000_000;
                return reply.body(Long.toString(left));
            }
            return reply.body(body);
        } catch (Throwable t) {
            return reply.messageType(MessageType.EXCEPTION).error(t).body(null);
        }
    }

    /** Echoes every message back until the client ends its side. */
    static void echo(RemoteMessage request, Stream stream) throws Exception {
        Object m;
        while ((m = stream.receive().get()) != null) {
            stream.send(m).get();
        }
    }
}
