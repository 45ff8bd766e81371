package io.kitex4j.engine;

import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.loopback.LoopbackCall;
import io.kitex4j.loopback.LoopbackServerTransport;
import io.kitex4j.loopback.LoopbackTransportProvider;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.server.ServerBuilder;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.service.UnaryHandler;
import io.kitex4j.service.StreamHandler;
import io.kitex4j.service.AsyncStreamHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A test service with one method of each kind, a server hosting it over the loopback transport and
 * clients of it. Handlers are swappable per test: every binding delegates to a volatile field.
 * Messages are plain strings (the loopback transport does not encode).
 */
final class StreamsFixture implements AutoCloseable {
    static final long WAIT_SECONDS = 10;
    static final MessageCodec<String> CODEC = new MessageCodec<>() {};
    static final MethodDescriptor<String, String> ECHO = MethodDescriptor.of("Echo", InteractionMode.PING_PONG, CODEC, CODEC);
    static final MethodDescriptor<String, String> COLLECT =
            MethodDescriptor.of("Collect", InteractionMode.CLIENT_STREAMING, CODEC, CODEC);
    static final MethodDescriptor<String, String> SPLIT =
            MethodDescriptor.of("Split", InteractionMode.SERVER_STREAMING, CODEC, CODEC);
    static final MethodDescriptor<String, String> CHAT = MethodDescriptor.of("Chat", InteractionMode.BIDI_STREAMING, CODEC, CODEC);
    static final MethodDescriptor<String, String> ASYNC_CHAT =
            MethodDescriptor.of("AsyncChat", InteractionMode.BIDI_STREAMING, CODEC, CODEC);
    static final MethodDescriptor<String, String> ASYNC_COLLECT =
            MethodDescriptor.of("AsyncCollect", InteractionMode.CLIENT_STREAMING, CODEC, CODEC);
    static final MethodDescriptor<String, String> ASYNC_SPLIT =
            MethodDescriptor.of("AsyncSplit", InteractionMode.SERVER_STREAMING, CODEC, CODEC);
    static final ServiceDescriptor SVC = ServiceDescriptor.builder("Streams", PayloadKind.PROTOBUF)
            .packageName("test.v1")
            .method(ECHO).method(COLLECT).method(SPLIT).method(CHAT).method(ASYNC_CHAT)
            .method(ASYNC_COLLECT).method(ASYNC_SPLIT)
            .build();

    volatile UnaryHandler<String, String> echo = r -> r;
    volatile StreamHandler<String, String> collect = s -> {
        StringBuilder sb = new StringBuilder();
        for (String m = s.recv(); m != null; m = s.recv()) {
            sb.append(sb.length() == 0 ? "" : "+").append(m);
        }
        s.send(sb.toString());
    };
    volatile StreamHandler<String, String> split = s -> {
        int n = Integer.parseInt(s.recv());
        for (int i = 0; i < n; i++) {
            s.send("part" + i);
        }
    };
    volatile StreamHandler<String, String> chat = s -> {
        for (String m = s.recv(); m != null; m = s.recv()) {
            s.send(m.toUpperCase());
        }
    };
    volatile AsyncStreamHandler<String, String> asyncChat = StreamsFixture::asyncEcho;
    /** Joins the requests with "|" and answers once, without blocking. */
    volatile AsyncStreamHandler<String, String> asyncCollect = s -> {
        List<String> got = new ArrayList<>();
        return collectAsync(s, got).thenCompose(v -> s.sendAsync(String.join("|", got)));
    };
    /** Answers "async-part0".."async-part(n-1)" for the one request n, without blocking. */
    volatile AsyncStreamHandler<String, String> asyncSplit = s -> s.recvAsync().thenCompose(n -> {
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        for (int i = 0; i < Integer.parseInt(n); i++) {
            String m = "async-part" + i;
            f = f.thenCompose(v -> s.sendAsync(m));
        }
        return f;
    });

    final Server server;
    final InetSocketAddress address;
    private final List<Client> clients = new ArrayList<>();

    StreamsFixture() throws Exception {
        this(b -> { });
    }

    StreamsFixture(Consumer<ServerBuilder> serverOptions) throws Exception {
        ServiceDefinition def = ServiceDefinition.builder(SVC)
                .unary(ECHO, r -> echo.handle(r))
                .stream(COLLECT, s -> collect.handle(s))
                .stream(SPLIT, s -> split.handle(s))
                .stream(CHAT, s -> chat.handle(s))
                .asyncStream(ASYNC_CHAT, s -> asyncChat.handle(s))
                .asyncStream(ASYNC_COLLECT, s -> asyncCollect.handle(s))
                .asyncStream(ASYNC_SPLIT, s -> asyncSplit.handle(s))
                .build();
        ServerBuilder sb = Server.builder()
                .address(new InetSocketAddress(0))
                .service(def)
                .transport(LoopbackTransportProvider.NAME);
        serverOptions.accept(sb);
        server = sb.build();
        address = server.start();
    }

    /** The async echo: answers "async:" + each message until the client half-closes. */
    static CompletableFuture<Void> asyncEcho(io.kitex4j.streaming.ServerStream<String, String> s) {
        return s.recvAsync().thenCompose(m -> m == null ? CompletableFuture.completedFuture(null)
                : s.sendAsync("async:" + m).thenCompose(v -> asyncEcho(s)));
    }

    static CompletableFuture<Void> collectAsync(io.kitex4j.streaming.ServerStream<String, String> s, List<String> got) {
        return s.recvAsync().thenCompose(m -> {
            if (m == null) {
                return CompletableFuture.completedFuture(null);
            }
            got.add(m);
            return collectAsync(s, got);
        });
    }

    /** A gRPC client of the test service over the loopback transport. */
    Client client() {
        return client(b -> { });
    }

    Client client(Consumer<ClientBuilder> options) {
        return client(SVC, options);
    }

    Client client(ServiceDescriptor service, Consumer<ClientBuilder> options) {
        ClientBuilder b = Client.builder(service)
                .transportProtocol(TransportProtocol.GRPC)
                .transport(LoopbackTransportProvider.NAME)
                .clientServiceName("streams-client")
                .addresses(address);
        options.accept(b);
        Client c = b.build();
        clients.add(c);
        return c;
    }

    LoopbackServerTransport transport() {
        return LoopbackServerTransport.at(address);
    }

    /** The n-th streaming call opened on the server (waits until it exists). */
    LoopbackCall call(int index) {
        eventually(() -> transport().calls().size() > index, "call " + index + " opened");
        return transport().calls().get(index);
    }

    @Override
    public void close() {
        LoopbackServerTransport t = transport();
        if (t != null) {
            for (LoopbackCall c : t.calls()) {
                c.abort();
            }
        }
        for (Client c : clients) {
            c.close();
        }
        server.stop();
    }

    // ---- waiting helpers (bounded, never sleeping for a fixed time)

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The failure of {@code f} (waiting at most 10 s), unwrapped from ExecutionException / CompletionException. */
    static Throwable failureOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete in " + WAIT_SECONDS + " s", e);
        }
        throw new AssertionError("future completed normally");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in " + WAIT_SECONDS + " s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // poll interval
        }
    }
}
