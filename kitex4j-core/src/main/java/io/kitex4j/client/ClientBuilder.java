package io.kitex4j.client;

import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.internal.client.DefaultClient;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.stats.StatsLevel;
import io.kitex4j.stats.Tracer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Client}. Defaults follow Kitex: Framed transport, binary Thrift, no RPC
 * timeout, 50 ms connect timeout, 5 s read/write timeout, a long-connection pool of 10 idle
 * connections per address and 100 in all, idle for at most 1 minute. Not thread-safe.
 */
public final class ClientBuilder {
    final ServiceDescriptor service;
    String clientServiceName = "";
    String destService;
    final List<InetSocketAddress> addresses = new ArrayList<>();
    TransportProtocol transportProtocol;
    PayloadProtocol payloadProtocol;
    Duration rpcTimeout = Duration.ZERO;
    boolean rpcTimeoutExplicit;
    Duration connectTimeout = Duration.ofMillis(50);
    boolean connectTimeoutExplicit;
    final TransportConfig.Builder transportConfig = TransportConfig.builder();
    final List<Middleware> middlewares = new ArrayList<>();
    final List<MiddlewareBuilder> middlewareBuilders = new ArrayList<>();
    final List<MetaHandler> metaHandlers = new ArrayList<>();
    boolean ttheaderMetaKeys = true;
    final List<Tracer> tracers = new ArrayList<>();
    StatsLevel statsLevel;
    String transportName;
    final List<String> debugInfo = new ArrayList<>();
    private String suitePrefix = "";

    ClientBuilder(ServiceDescriptor service) {
        this.service = Objects.requireNonNull(service, "service");
        this.payloadProtocol = service.payloadKind() == PayloadKind.THRIFT
                ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.KITEX_PROTOBUF;
        // Kitex's defaults: TTHeader|Framed for protobuf services (§3), Framed for Thrift.
        this.transportProtocol = service.payloadKind() == PayloadKind.PROTOBUF
                ? TransportProtocol.TTHEADER_FRAMED : TransportProtocol.FRAMED;
    }

    private ClientBuilder record(String line) {
        debugInfo.add(suitePrefix + line);
        return this;
    }

    /** This client's own service name, sent to servers as FromService. */
    public ClientBuilder clientServiceName(String name) {
        this.clientServiceName = Objects.requireNonNull(name, "name");
        return record("WithClientServiceName(" + name + ")");
    }

    /** The target service name (defaults to the IDL service name). */
    public ClientBuilder destService(String name) {
        this.destService = Objects.requireNonNull(name, "name");
        return record("WithDestService(" + name + ")");
    }

    /** Fixed target addresses ({@code host:port}), balanced round-robin. */
    public ClientBuilder hostPorts(String... hostPorts) {
        for (String hp : hostPorts) {
            addresses.add(parse(hp));
        }
        return record("WithHostPorts(" + String.join(",", hostPorts) + ")");
    }

    /** Fixed target addresses, balanced round-robin. */
    public ClientBuilder addresses(InetSocketAddress... targets) {
        for (InetSocketAddress a : targets) {
            addresses.add(Objects.requireNonNull(a, "address"));
        }
        return record("WithHostPorts(" + List.of(targets) + ")");
    }

    static InetSocketAddress parse(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        int i = hostPort.lastIndexOf(':');
        if (i <= 0 || i == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, i);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(i + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + hostPort + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + hostPort + "'");
        }
        // Resolved when connecting, so that DNS changes are seen and building never blocks on DNS.
        return InetSocketAddress.createUnresolved(host, port);
    }

    /**
     * How requests are framed (default {@link TransportProtocol#FRAMED} for Thrift services,
     * {@link TransportProtocol#TTHEADER_FRAMED} for Protobuf services as in Kitex).
     * {@link TransportProtocol#GRPC} sends every call over HTTP/2: protobuf messages for Protobuf
     * services, the bare Thrift structs ({@code application/grpc+thrift}) for Thrift services.
     */
    public ClientBuilder transportProtocol(TransportProtocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == TransportProtocol.TTHEADER_STREAMING) {
            throw new IllegalArgumentException(protocol + " is not supported by this client yet");
        }
        this.transportProtocol = protocol;
        return record("WithTransportProtocol(" + protocol + ")");
    }

    /** The payload protocol (default binary Thrift for Thrift services). */
    public ClientBuilder payloadProtocol(PayloadProtocol protocol) {
        this.payloadProtocol = Objects.requireNonNull(protocol, "protocol");
        return record("WithPayloadProtocol(" + protocol + ")");
    }

    /** The RPC timeout of every call ({@link Duration#ZERO}: none). Sent as TTHeader key 12. */
    public ClientBuilder rpcTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("rpc timeout must not be negative: " + timeout);
        }
        this.rpcTimeout = timeout;
        this.rpcTimeoutExplicit = true;
        return record("WithRPCTimeout(" + timeout + ")");
    }

    /** The connect timeout (default 50 ms). Sent as TTHeader key 17. */
    public ClientBuilder connectTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        this.connectTimeout = timeout;
        this.connectTimeoutExplicit = true;
        return record("WithConnectTimeout(" + timeout + ")");
    }

    /** Time allowed to read one reply once it has started arriving (default 5 s). */
    public ClientBuilder readWriteTimeout(Duration timeout) {
        transportConfig.readWriteTimeout(timeout);
        return record("WithReadWriteTimeout(" + timeout + ")");
    }

    /** Long connections with these pool limits (Kitex's {@code WithLongConnection}). */
    public ClientBuilder longConnection(int maxIdlePerAddress, int maxIdleGlobal, Duration maxIdleTimeout) {
        Duration t = maxIdleTimeout.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : maxIdleTimeout;
        transportConfig.pool(maxIdlePerAddress, maxIdleGlobal, t);
        return record("WithLongConnection(" + maxIdlePerAddress + "," + maxIdleGlobal + "," + t + ")");
    }

    /** One connection per call, closed after it (Kitex's {@code WithShortConnection}). */
    public ClientBuilder shortConnection() {
        transportConfig.shortConnections(true);
        return record("WithShortConnection()");
    }

    /** Largest request or reply frame, in bytes (default 16 MiB). */
    public ClientBuilder maxFrameSize(int bytes) {
        transportConfig.maxFrameSize(bytes);
        return record("WithMaxFrameSize(" + bytes + ")");
    }

    /**
     * Adjusts the transport settings that have no builder method of their own: the gRPC ones
     * (maximum message size, flow-control window, concurrent streams, keepalive, header list
     * size) and TLS (certificate files), e.g.
     * {@code .transportConfig(t -> t.grpcMaxMessageSize(16 << 20))}. Runs once, now.
     */
    public ClientBuilder transportConfig(java.util.function.Consumer<TransportConfig.Builder> settings) {
        settings.accept(transportConfig);
        return record("WithTransportConfig(" + settings.getClass().getName() + ")");
    }

    /** I/O threads of this client's transport (0: the transport's default). */
    public ClientBuilder ioThreads(int threads) {
        transportConfig.ioThreads(threads);
        return record("WithIOThreads(" + threads + ")");
    }

    /** Adds a middleware; the first added is the outermost of the user middlewares. */
    public ClientBuilder middleware(Middleware middleware) {
        middlewares.add(Objects.requireNonNull(middleware, "middleware"));
        return record("WithMiddleware(" + middleware.getClass().getName() + ")");
    }

    /** Adds a middleware built once the client is known. */
    public ClientBuilder middlewareBuilder(MiddlewareBuilder builder) {
        middlewareBuilders.add(Objects.requireNonNull(builder, "builder"));
        return record("WithMiddlewareBuilder(" + builder.getClass().getName() + ")");
    }

    /** Adds a meta handler, run after the built-in ones. */
    public ClientBuilder metaHandler(MetaHandler handler) {
        metaHandlers.add(Objects.requireNonNull(handler, "handler"));
        return record("WithMetaHandler(" + handler.getClass().getName() + ")");
    }

    /**
     * Whether TTHeader requests carry Kitex's integer keys (1, 3, 6, 9, 20, 22, and 12/17 when set)
     * and {@code isn}; default true, as with Kitex's {@code ClientTTHeaderHandler}. Metainfo is sent either way.
     */
    public ClientBuilder ttheaderMetaKeys(boolean enabled) {
        this.ttheaderMetaKeys = enabled;
        return record("WithTTHeaderMetaKeys(" + enabled + ")");
    }

    /** Adds a tracer; installing one raises the default stats level to DETAILED. */
    public ClientBuilder tracer(Tracer tracer) {
        tracers.add(Objects.requireNonNull(tracer, "tracer"));
        return record("WithTracer(" + tracer.getClass().getName() + ")");
    }

    public ClientBuilder statsLevel(StatsLevel level) {
        this.statsLevel = Objects.requireNonNull(level, "level");
        return record("WithStatsLevel(" + level + ")");
    }

    /** Picks a transport provider by name (default: the highest-priority one found). */
    public ClientBuilder transport(String providerName) {
        this.transportName = Objects.requireNonNull(providerName, "providerName");
        return record("WithTransport(" + providerName + ")");
    }

    /** Applies a suite of options; its lines are recorded under its name. */
    public ClientBuilder suite(ClientSuite suite) {
        Objects.requireNonNull(suite, "suite");
        record("WithSuite(" + suite.name() + ")");
        String saved = suitePrefix;
        suitePrefix = saved + suite.name() + ": ";
        try {
            suite.apply(this);
        } finally {
            suitePrefix = saved;
        }
        return this;
    }

    /** The options as they stand. */
    public ClientOptions buildOptions() {
        return new ClientOptions(this);
    }

    /** Builds the client. Fails with {@link IllegalStateException} on incomplete configuration. */
    public Client build() {
        return new DefaultClient(buildOptions());
    }
}
