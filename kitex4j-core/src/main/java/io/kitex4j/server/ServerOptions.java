package io.kitex4j.server;

import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.stats.StatsLevel;
import io.kitex4j.stats.Tracer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/** The immutable configuration of a {@link Server}; every option is recorded in {@link #debugInfo()}. */
public final class ServerOptions {
    final InetSocketAddress address;
    final List<ServiceDefinition> services;
    final HandlerExecution execution;
    final Executor executor;
    final int poolThreads;
    final int poolQueue;
    final Duration exitWaitTime;
    final TransportConfig transportConfig;
    final List<Middleware> middlewares;
    final List<MiddlewareBuilder> middlewareBuilders;
    final List<MetaHandler> metaHandlers;
    final List<Tracer> tracers;
    final StatsLevel statsLevel;
    final String transportName;
    final List<String> debugInfo;

    ServerOptions(ServerBuilder b) {
        this.address = b.address;
        this.services = List.copyOf(b.services);
        this.execution = b.execution;
        this.executor = b.executor;
        this.poolThreads = b.poolThreads;
        this.poolQueue = b.poolQueue;
        this.exitWaitTime = b.exitWaitTime;
        this.transportConfig = b.transportConfig.build();
        this.middlewares = List.copyOf(b.middlewares);
        this.middlewareBuilders = List.copyOf(b.middlewareBuilders);
        this.metaHandlers = List.copyOf(b.metaHandlers);
        this.tracers = List.copyOf(b.tracers);
        this.statsLevel = b.statsLevel != null ? b.statsLevel
                : (b.tracers.isEmpty() ? StatsLevel.DISABLED : StatsLevel.DETAILED);
        this.transportName = b.transportName;
        this.debugInfo = List.copyOf(b.debugInfo);
    }

    public InetSocketAddress address() {
        return address;
    }

    public List<ServiceDefinition> services() {
        return services;
    }

    public HandlerExecution execution() {
        return execution;
    }

    /** A user-supplied handler executor, or {@code null}. */
    public Executor executor() {
        return executor;
    }

    public int poolThreads() {
        return poolThreads;
    }

    public int poolQueue() {
        return poolQueue;
    }

    public Duration exitWaitTime() {
        return exitWaitTime;
    }

    public TransportConfig transportConfig() {
        return transportConfig;
    }

    public List<Middleware> middlewares() {
        return middlewares;
    }

    public List<MiddlewareBuilder> middlewareBuilders() {
        return middlewareBuilders;
    }

    public List<MetaHandler> metaHandlers() {
        return metaHandlers;
    }

    public List<Tracer> tracers() {
        return tracers;
    }

    public StatsLevel statsLevel() {
        return statsLevel;
    }

    public String transportName() {
        return transportName;
    }

    public List<String> debugInfo() {
        return debugInfo;
    }

    @Override
    public String toString() {
        return "ServerOptions" + debugInfo;
    }
}
