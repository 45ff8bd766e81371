package drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echo.EchoRequest;
import echo.EchoResponse;
import echo.EchoService;
import echo.Req;
import echo.Resp;
import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.client.ClientOptions;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ServerStream;
import io.kitex4j.streaming.StreamReader;
import io.kitex4j.streaming.StreamWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives the generated EchoService without a network: the server bindings with an in-memory
 * stream, the stub with a recording client. Each public static method is one check.
 */
public final class EchoDriver {
    private EchoDriver() {}

    /** An in-memory stream: receives the given messages then the end; records what is sent and closed. */
    static final class MemoryStream implements io.kitex4j.streaming.Stream {
        final Deque<Object> inbound;
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** When set, sends complete only when completed by the test. */
        CompletableFuture<Void> pendingSend;

        MemoryStream(Object... inbound) {
            this.inbound = new ArrayDeque<>(List.of(inbound));
        }

        @Override
        public CompletableFuture<Void> send(Object message) {
            events.add("send " + text(message));
            return pendingSend != null ? pendingSend : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Object> receive() {
            return CompletableFuture.completedFuture(inbound.pollFirst());
        }

        @Override
        public CompletableFuture<Void> closeSend() {
            events.add("closeSend");
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel(Throwable cause) {
            events.add("cancel " + cause);
            done.completeExceptionally(cause);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }
    }

    static String text(Object m) {
        if (m instanceof Req r) {
            return "Req(" + r.getN() + ")";
        }
        if (m instanceof Resp r) {
            return "Resp(" + r.getN() + ")";
        }
        if (m instanceof EchoRequest r) {
            return "EchoRequest(" + r.getMessage() + ")";
        }
        return String.valueOf(m);
    }

    static Req req(int n) {
        return Req.newBuilder().setN(n).build();
    }

    static Resp resp(int n) {
        return Resp.newBuilder().setN(n).build();
    }

    @SuppressWarnings("unchecked")
    static <Req0, Resp0> void runStream(ServiceDefinition d, MethodDescriptor<Req0, Resp0> m, MemoryStream s) throws Exception {
        ServiceDefinition.ServerMethod<Req0, Resp0> sm = (ServiceDefinition.ServerMethod<Req0, Resp0>) d.method(m.name());
        assertThat(sm.descriptor()).isSameAs(m);
        if (sm.streamHandler() != null) {
            sm.streamHandler().handle(new ServerStream<>(s));
        } else {
            try {
                sm.asyncStreamHandler().handle(new ServerStream<>(s)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw (Exception) e.getCause();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <Req0, Resp0> Resp0 runUnary(ServiceDefinition d, MethodDescriptor<Req0, Resp0> m, Req0 request) throws Exception {
        ServiceDefinition.ServerMethod<Req0, Resp0> sm = (ServiceDefinition.ServerMethod<Req0, Resp0>) d.method(m.name());
        if (sm.blockingHandler() != null) {
            return sm.blockingHandler().handle(request);
        }
        try {
            return sm.asyncHandler().handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    static void assertStatus(ThrowingRunnable r, StatusCode code, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.statusMessage()).isEqualTo(message);
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- descriptors

    public static void descriptors() {
        ServiceDescriptor d = EchoService.DESCRIPTOR;
        assertThat(d.serviceName()).isEqualTo("EchoService");
        assertThat(d.packageName()).isEqualTo("echo");
        assertThat(d.payloadKind()).isEqualTo(io.kitex4j.service.PayloadKind.PROTOBUF);
        assertThat(d.methods()).extracting(MethodDescriptor::name).containsExactly("Echo", "In", "Out", "Bidi");
        assertThat(d.methods()).extracting(MethodDescriptor::mode).containsExactly(
                io.kitex4j.service.InteractionMode.PING_PONG, io.kitex4j.service.InteractionMode.CLIENT_STREAMING,
                io.kitex4j.service.InteractionMode.SERVER_STREAMING, io.kitex4j.service.InteractionMode.BIDI_STREAMING);
        assertThat(d.method("Echo")).isSameAs(EchoService.ECHO);
        assertThat(EchoService.IN.requestCodec()).isInstanceOf(io.kitex4j.protobuf.ProtobufCodec.class);
    }

    // ---- server, blocking

    public static void unimplementedBlockingMethodsFailWithUnimplemented() {
        ServiceDefinition d = EchoService.definition(new EchoService.Iface() {});
        assertThat(d.descriptor()).isSameAs(EchoService.DESCRIPTOR);
        assertStatus(() -> runUnary(d, EchoService.ECHO, EchoRequest.getDefaultInstance()),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Echo is unimplemented");
        assertStatus(() -> runStream(d, EchoService.IN, new MemoryStream(req(1))),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/In is unimplemented");
        assertStatus(() -> runStream(d, EchoService.OUT, new MemoryStream(req(1))),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Out is unimplemented");
        assertStatus(() -> runStream(d, EchoService.BIDI, new MemoryStream(req(1))),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Bidi is unimplemented");
    }

    /** The handler of the examples: every kind implemented, blocking. */
    static final class Handler implements EchoService.Iface {
        @Override
        public EchoResponse echo(EchoRequest request) {
            return EchoResponse.newBuilder().setMessage(request.getMessage()).build();
        }

        @Override
        public Resp in(StreamReader<Req> requests) {
            int sum = 0;
            for (Req r = requests.recv(); r != null; r = requests.recv()) {
                sum += r.getN();
            }
            return resp(sum);
        }

        @Override
        public void out(Req request, StreamWriter<Resp> responses) {
            for (int i = 1; i <= request.getN(); i++) {
                responses.send(resp(i));
            }
        }

        @Override
        public void bidi(ServerStream<Req, Resp> stream) {
            for (Req r = stream.recv(); r != null; r = stream.recv()) {
                stream.send(resp(2 * r.getN()));
            }
        }
    }

    public static void blockingHandlersSeeTheirMessages() throws Exception {
        ServiceDefinition d = EchoService.definition(new Handler());
        assertThat(runUnary(d, EchoService.ECHO, EchoRequest.newBuilder().setMessage("hi").build()).getMessage()).isEqualTo("hi");

        MemoryStream in = new MemoryStream(req(1), req(2), req(3));
        runStream(d, EchoService.IN, in);
        assertThat(in.events).containsExactly("send Resp(6)");

        MemoryStream out = new MemoryStream(req(3));
        runStream(d, EchoService.OUT, out);
        assertThat(out.events).containsExactly("send Resp(1)", "send Resp(2)", "send Resp(3)");

        MemoryStream bidi = new MemoryStream(req(1), req(5));
        runStream(d, EchoService.BIDI, bidi);
        assertThat(bidi.events).containsExactly("send Resp(2)", "send Resp(10)");
    }

    public static void serverStreamingWithoutARequestIsInternal() {
        assertStatus(() -> runStream(EchoService.definition(new Handler()), EchoService.OUT, new MemoryStream()),
                StatusCode.INTERNAL, "Out: the client sent no request");
        assertStatus(() -> runStream(EchoService.definition(new AsyncHandler()), EchoService.OUT, new MemoryStream()),
                StatusCode.INTERNAL, "Out: the client sent no request");
    }

    // ---- server, non-blocking

    public static void unimplementedAsyncMethodsFailWithUnimplemented() {
        ServiceDefinition d = EchoService.definition(new EchoService.AsyncIface() {});
        assertStatus(() -> runUnary(d, EchoService.ECHO, EchoRequest.getDefaultInstance()),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Echo is unimplemented");
        assertStatus(() -> runStream(d, EchoService.IN, new MemoryStream()),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/In is unimplemented");
        assertStatus(() -> runStream(d, EchoService.OUT, new MemoryStream(req(1))),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Out is unimplemented");
        assertStatus(() -> runStream(d, EchoService.BIDI, new MemoryStream()),
                StatusCode.UNIMPLEMENTED, "Method echo.EchoService/Bidi is unimplemented");
    }

    static final class AsyncHandler implements EchoService.AsyncIface {
        @Override
        public CompletableFuture<EchoResponse> echo(EchoRequest request) {
            return CompletableFuture.completedFuture(EchoResponse.newBuilder().setMessage(request.getMessage() + "!").build());
        }

        @Override
        public CompletableFuture<Resp> in(StreamReader<Req> requests) {
            return sum(requests, 0);
        }

        private CompletableFuture<Resp> sum(StreamReader<Req> requests, int sum) {
            return requests.recvAsync().thenCompose(r -> r == null
                    ? CompletableFuture.completedFuture(resp(sum)) : sum(requests, sum + r.getN()));
        }

        @Override
        public CompletableFuture<Void> out(Req request, StreamWriter<Resp> responses) {
            CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
            for (int i = 1; i <= request.getN(); i++) {
                int n = i;
                f = f.thenCompose(v -> responses.sendAsync(resp(n)));
            }
            return f;
        }

        @Override
        public CompletableFuture<Void> bidi(ServerStream<Req, Resp> stream) {
            return stream.recvAsync().thenCompose(r -> r == null
                    ? CompletableFuture.completedFuture(null)
                    : stream.sendAsync(resp(2 * r.getN())).thenCompose(v -> bidi(stream)));
        }
    }

    public static void asyncHandlersSeeTheirMessages() throws Exception {
        ServiceDefinition d = EchoService.definition(new AsyncHandler());
        assertThat(runUnary(d, EchoService.ECHO, EchoRequest.newBuilder().setMessage("hi").build()).getMessage()).isEqualTo("hi!");

        MemoryStream in = new MemoryStream(req(4), req(5));
        runStream(d, EchoService.IN, in);
        assertThat(in.events).containsExactly("send Resp(9)");

        MemoryStream out = new MemoryStream(req(2));
        runStream(d, EchoService.OUT, out);
        assertThat(out.events).containsExactly("send Resp(1)", "send Resp(2)");

        MemoryStream bidi = new MemoryStream(req(3), req(4));
        runStream(d, EchoService.BIDI, bidi);
        assertThat(bidi.events).containsExactly("send Resp(6)", "send Resp(8)");
    }

    // ---- client stub

    /** A client that records calls and answers unary calls by echoing with a suffix. */
    static final class RecordingClient implements Client {
        final ServiceDescriptor service;
        final List<String> calls = new ArrayList<>();
        final MemoryStream stream = new MemoryStream(resp(7));
        CallOptions lastOptions;

        RecordingClient(ServiceDescriptor service) {
            this.service = service;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <Q, R> CompletableFuture<R> invoke(MethodDescriptor<Q, R> method, Q request, CallOptions options) {
            calls.add("invoke " + method.name() + " " + text(request));
            lastOptions = options;
            if (((EchoRequest) request).getMessage().equals("fail")) {
                return CompletableFuture.failedFuture(new StatusException(StatusCode.NOT_FOUND, "no such echo"));
            }
            return CompletableFuture.completedFuture(
                    (R) EchoResponse.newBuilder().setMessage(((EchoRequest) request).getMessage() + " back").build());
        }

        @Override
        public <Q, R> ClientStream<Q, R> openStream(MethodDescriptor<Q, R> method, CallOptions options) {
            calls.add("openStream " + method.name());
            lastOptions = options;
            return new ClientStream<>(CompletableFuture.completedFuture(stream));
        }

        @Override
        public ServiceDescriptor service() {
            return service;
        }

        @Override
        public ClientOptions options() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    public static void stubCallsTheClient() throws Exception {
        RecordingClient client = new RecordingClient(EchoService.DESCRIPTOR);
        EchoService.Stub stub = new EchoService.Stub(client);
        assertThat(stub.echo(EchoRequest.newBuilder().setMessage("hi").build()).getMessage()).isEqualTo("hi back");
        assertThat(client.lastOptions).isSameAs(CallOptions.DEFAULT);
        assertThat(stub.echoAsync(EchoRequest.newBuilder().setMessage("yo").build()).get().getMessage()).isEqualTo("yo back");
        assertThatThrownBy(() -> stub.echo(EchoRequest.newBuilder().setMessage("fail").build()))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(StatusCode.NOT_FOUND));
        assertThat(stub.echoAsync(EchoRequest.newBuilder().setMessage("fail").build()))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(StatusException.class);

        CallOptions options = CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(3));
        EchoService.Stub withOptions = stub.withOptions(options);
        withOptions.echo(EchoRequest.newBuilder().setMessage("x").build());
        assertThat(client.lastOptions).isSameAs(options);

        ClientStream<Req, Resp> in = withOptions.in();
        assertThat(client.lastOptions).isSameAs(options);
        in.send(req(1));
        assertThat(in.closeAndRecv().getN()).isEqualTo(7);

        ClientStream<Req, Resp> bidi = stub.bidi();
        bidi.send(req(2));
        bidi.closeSend();

        assertThat(client.calls).containsExactly("invoke Echo EchoRequest(hi)", "invoke Echo EchoRequest(yo)",
                "invoke Echo EchoRequest(fail)", "invoke Echo EchoRequest(fail)", "invoke Echo EchoRequest(x)",
                "openStream In", "openStream Bidi");
        assertThat(client.stream.events).containsExactly("send Req(1)", "closeSend", "send Req(2)", "closeSend");
    }

    public static void serverStreamingStubSendsTheRequestThenCloses() {
        RecordingClient client = new RecordingClient(EchoService.DESCRIPTOR);
        ClientStream<Req, Resp> out = new EchoService.Stub(client).out(req(3));
        assertThat(client.calls).containsExactly("openStream Out");
        assertThat(client.stream.events).containsExactly("send Req(3)", "closeSend");
        assertThat(out.recv().getN()).isEqualTo(7);
        assertThat(out.recv()).isNull();
    }

    public static void serverStreamingStubClosesOnlyAfterTheSendWasTaken() {
        RecordingClient client = new RecordingClient(EchoService.DESCRIPTOR);
        client.stream.pendingSend = new CompletableFuture<>();
        new EchoService.Stub(client).out(req(3));
        assertThat(client.stream.events).containsExactly("send Req(3)");
        client.stream.pendingSend.complete(null);
        assertThat(client.stream.events).containsExactly("send Req(3)", "closeSend");
    }

    public static void serverStreamingStubCancelsWhenTheSendFails() {
        RecordingClient client = new RecordingClient(EchoService.DESCRIPTOR);
        client.stream.pendingSend = new CompletableFuture<>();
        ClientStream<Req, Resp> out = new EchoService.Stub(client).out(req(3));
        client.stream.pendingSend.completeExceptionally(new IllegalStateException("too big"));
        assertThat(client.stream.events).hasSize(2).first().isEqualTo("send Req(3)");
        assertThat(client.stream.events.get(1)).startsWith("cancel ").contains("too big");
        assertThat(out.done()).isCompletedExceptionally();
    }

    public static void aStubNeedsAClientOfItsService() {
        ServiceDescriptor other = ServiceDescriptor.builder("Other", io.kitex4j.service.PayloadKind.PROTOBUF).build();
        assertThatThrownBy(() -> new EchoService.Stub(new RecordingClient(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client was built for Other, not EchoService");
        assertThatThrownBy(() -> new EchoService.Stub(new RecordingClient(EchoService.DESCRIPTOR), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EchoService.definition((EchoService.Iface) null)).isInstanceOf(NullPointerException.class);
    }
}
