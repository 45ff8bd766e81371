package io.kitex4j.server;

import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.internal.server.DefaultServer;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.stats.StatsLevel;
import io.kitex4j.stats.Tracer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a {@link Server}. Defaults follow Kitex: port 8888, exit wait 5 s, idle connections
 * closed after 10 minutes, read/write timeout 5 s; handlers on virtual threads (Java 21+) or a
 * bounded pool. Not thread-safe.
 */
public final class ServerBuilder {
    InetSocketAddress address = new InetSocketAddress(8888);
    final List<ServiceDefinition> services = new ArrayList<>();
    HandlerExecution execution = HandlerExecution.DEFAULT;
    Executor executor;
    int poolThreads = Math.max(64, Runtime.getRuntime().availableProcessors() * 32);
    int poolQueue = 10_000;
    Duration exitWaitTime = Duration.ofSeconds(5);
    final TransportConfig.Builder transportConfig = TransportConfig.builder();
    final List<Middleware> middlewares = new ArrayList<>();
    final List<MiddlewareBuilder> middlewareBuilders = new ArrayList<>();
    final List<MetaHandler> metaHandlers = new ArrayList<>();
    final List<Tracer> tracers = new ArrayList<>();
    StatsLevel statsLevel;
    String transportName;
    final List<String> debugInfo = new ArrayList<>();
    private String suitePrefix = "";

    ServerBuilder() {}

    private ServerBuilder record(String line) {
        debugInfo.add(suitePrefix + line);
        return this;
    }

    /** The address to listen on (default {@code :8888}; port 0 picks a free port). */
    public ServerBuilder address(InetSocketAddress address) {
        this.address = Objects.requireNonNull(address, "address");
        return record("WithServiceAddr(" + address + ")");
    }

    /** Hosts a service; several may share the server, told apart by TTHeader {@code isn}. */
    public ServerBuilder service(ServiceDefinition service) {
        Objects.requireNonNull(service, "service");
        for (ServiceDefinition s : services) {
            if (s.descriptor().serviceName().equals(service.descriptor().serviceName())) {
                throw new IllegalArgumentException("service " + s.descriptor().serviceName() + " registered twice");
            }
        }
        services.add(service);
        return record("RegisterService(" + service.descriptor().serviceName() + ")");
    }

    /** Where handlers run (default {@link HandlerExecution#DEFAULT}). */
    public ServerBuilder handlerExecution(HandlerExecution execution) {
        this.execution = Objects.requireNonNull(execution, "execution");
        this.executor = null;
        return record("WithHandlerExecution(" + execution + ")");
    }

    /** Runs handlers on a user executor instead. */
    public ServerBuilder handlerExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return record("WithHandlerExecutor(" + executor.getClass().getName() + ")");
    }

    /**
     * Size of the platform-thread pool used before Java 21 (threads, queued requests). Stream
     * handlers, which hold their thread for the stream's life, get threads of their own instead:
     * one per open stream, up to {@code threads + queue} at once; a stream over that is refused.
     */
    public ServerBuilder handlerPool(int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("pool threads and queue must be >= 1");
        }
        this.poolThreads = threads;
        this.poolQueue = queue;
        return record("WithHandlerPool(" + threads + "," + queue + ")");
    }

    /** How long {@link Server#stop()} waits for requests in flight (default 5 s). */
    public ServerBuilder exitWaitTime(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("exit wait time must not be negative: " + d);
        }
        this.exitWaitTime = d;
        return record("WithExitWaitTime(" + d + ")");
    }

    /** Time allowed to read one whole request once its first byte arrived (default 5 s). */
    public ServerBuilder readWriteTimeout(Duration d) {
        transportConfig.readWriteTimeout(d);
        return record("WithReadWriteTimeout(" + d + ")");
    }

    /** Idle connections are closed after this (default 10 min). */
    public ServerBuilder maxConnectionIdleTime(Duration d) {
        transportConfig.maxConnectionIdleTime(d);
        return record("WithMaxConnIdleTime(" + d + ")");
    }

    /** Largest request frame accepted, in bytes (default 16 MiB); larger ones close the connection. */
    public ServerBuilder maxFrameSize(int bytes) {
        transportConfig.maxFrameSize(bytes);
        return record("WithMaxFrameSize(" + bytes + ")");
    }

    /**
     * Adjusts the transport settings that have no builder method of their own: the gRPC ones
     * (maximum message size, flow-control window, concurrent streams, keepalive, header list
     * size) and TLS (certificate files), e.g.
     * {@code .transportConfig(t -> t.grpcMaxMessageSize(16 << 20))}. Runs once, now.
     */
    public ServerBuilder transportConfig(java.util.function.Consumer<TransportConfig.Builder> settings) {
        settings.accept(transportConfig);
        return record("WithTransportConfig(" + settings.getClass().getName() + ")");
    }

    public ServerBuilder ioThreads(int threads) {
        transportConfig.ioThreads(threads);
        return record("WithIOThreads(" + threads + ")");
    }

    /** Adds a middleware; the first added is the outermost. */
    public ServerBuilder middleware(Middleware middleware) {
        middlewares.add(Objects.requireNonNull(middleware, "middleware"));
        return record("WithMiddleware(" + middleware.getClass().getName() + ")");
    }

    public ServerBuilder middlewareBuilder(MiddlewareBuilder builder) {
        middlewareBuilders.add(Objects.requireNonNull(builder, "builder"));
        return record("WithMiddlewareBuilder(" + builder.getClass().getName() + ")");
    }

    public ServerBuilder metaHandler(MetaHandler handler) {
        metaHandlers.add(Objects.requireNonNull(handler, "handler"));
        return record("WithMetaHandler(" + handler.getClass().getName() + ")");
    }

    public ServerBuilder tracer(Tracer tracer) {
        tracers.add(Objects.requireNonNull(tracer, "tracer"));
        return record("WithTracer(" + tracer.getClass().getName() + ")");
    }

    public ServerBuilder statsLevel(StatsLevel level) {
        this.statsLevel = Objects.requireNonNull(level, "level");
        return record("WithStatsLevel(" + level + ")");
    }

    public ServerBuilder transport(String providerName) {
        this.transportName = Objects.requireNonNull(providerName, "providerName");
        return record("WithTransport(" + providerName + ")");
    }

    /** Applies a suite; its lines are recorded under its name. */
    public ServerBuilder suite(ServerSuite suite) {
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

    public ServerOptions buildOptions() {
        return new ServerOptions(this);
    }

    /** Builds the server (not started). Fails if no service is registered. */
    public Server build() {
        if (services.isEmpty()) {
            throw new IllegalStateException("a server needs at least one service");
        }
        return new DefaultServer(buildOptions());
    }
}
