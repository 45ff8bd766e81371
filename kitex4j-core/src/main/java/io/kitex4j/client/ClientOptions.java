package io.kitex4j.client;

import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.stats.StatsLevel;
import io.kitex4j.stats.Tracer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The immutable configuration of a {@link Client}, produced by {@link ClientBuilder}. Every
 * option set on the builder is also recorded as a readable line in {@link #debugInfo()}, for
 * diagnosis (Kitex's option {@code DebugInfo}).
 */
public final class ClientOptions {
    final ServiceDescriptor service;
    final String clientServiceName;
    final String destService;
    final List<InetSocketAddress> addresses;
    final TransportProtocol transportProtocol;
    final PayloadProtocol payloadProtocol;
    final Duration rpcTimeout;
    final boolean rpcTimeoutExplicit;
    final Duration connectTimeout;
    final boolean connectTimeoutExplicit;
    final TransportConfig transportConfig;
    final List<Middleware> middlewares;
    final List<MiddlewareBuilder> middlewareBuilders;
    final List<MetaHandler> metaHandlers;
    final boolean ttheaderMetaKeys;
    final List<Tracer> tracers;
    final StatsLevel statsLevel;
    final String transportName;
    final List<String> debugInfo;

    ClientOptions(ClientBuilder b) {
        this.service = b.service;
        this.clientServiceName = b.clientServiceName;
        this.destService = b.destService != null ? b.destService : b.service.serviceName();
        this.addresses = List.copyOf(b.addresses);
        this.transportProtocol = b.transportProtocol;
        this.payloadProtocol = b.payloadProtocol;
        this.rpcTimeout = b.rpcTimeout;
        this.rpcTimeoutExplicit = b.rpcTimeoutExplicit;
        this.connectTimeout = b.connectTimeout;
        this.connectTimeoutExplicit = b.connectTimeoutExplicit;
        this.transportConfig = b.transportConfig.build();
        this.middlewares = List.copyOf(b.middlewares);
        this.middlewareBuilders = List.copyOf(b.middlewareBuilders);
        this.metaHandlers = List.copyOf(b.metaHandlers);
        this.ttheaderMetaKeys = b.ttheaderMetaKeys;
        this.tracers = List.copyOf(b.tracers);
        this.statsLevel = b.statsLevel != null ? b.statsLevel
                : (b.tracers.isEmpty() ? StatsLevel.DISABLED : StatsLevel.DETAILED);
        this.transportName = b.transportName;
        this.debugInfo = List.copyOf(b.debugInfo);
    }

    public ServiceDescriptor service() {
        return service;
    }

    /** This client's own service name (sent as FromService); empty if unset. */
    public String clientServiceName() {
        return clientServiceName;
    }

    /** The target service name (sent as ToService; defaults to the IDL service name). */
    public String destService() {
        return destService;
    }

    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    public TransportProtocol transportProtocol() {
        return transportProtocol;
    }

    public PayloadProtocol payloadProtocol() {
        return payloadProtocol;
    }

    public Duration rpcTimeout() {
        return rpcTimeout;
    }

    public boolean rpcTimeoutExplicit() {
        return rpcTimeoutExplicit;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public boolean connectTimeoutExplicit() {
        return connectTimeoutExplicit;
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

    /** Whether TTHeader requests carry Kitex's integer keys and {@code isn} (default true). */
    public boolean ttheaderMetaKeys() {
        return ttheaderMetaKeys;
    }

    public List<Tracer> tracers() {
        return tracers;
    }

    public StatsLevel statsLevel() {
        return statsLevel;
    }

    /** The transport provider's name, or {@code null} for the highest-priority one. */
    public String transportName() {
        return transportName;
    }

    /** One readable line per option applied, in order. */
    public List<String> debugInfo() {
        return debugInfo;
    }

    @Override
    public String toString() {
        return "ClientOptions" + debugInfo;
    }
}
