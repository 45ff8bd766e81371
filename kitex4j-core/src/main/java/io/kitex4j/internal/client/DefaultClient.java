package io.kitex4j.internal.client;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.client.ClientOptions;
import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.InternalRpcContexts;
import io.kitex4j.context.RpcContext;
import io.kitex4j.endpoint.Endpoint;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.endpoint.MiddlewareContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.RpcException;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.errors.ServiceDiscoveryException;
import io.kitex4j.internal.common.Timers;
import io.kitex4j.internal.common.Transports;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.internal.rpcinfo.MutableEndpointInfo;
import io.kitex4j.internal.rpcinfo.MutableInvocation;
import io.kitex4j.internal.rpcinfo.MutableRpcConfig;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.internal.transmeta.ClientTTHeaderHandler;
import io.kitex4j.internal.transmeta.GrpcMetaHandler;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.ClientTransport;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.Tracer;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ForwardingStream;
import io.kitex4j.streaming.Stream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client engine. The chain, outermost first (Kitex's {@code initMiddlewares} order, with the
 * parts later issues add marked where they plug in):
 * <pre>
 *   tracer start/finish and stats (this class)
 *   → [service circuit breaker]
 *   → RPC timeout                      {@link #timeoutMiddleware()}
 *   → user middlewares (builders first, then plain ones, in the order added)
 *   → [ACL]
 *   → resolve / load balance           {@link #resolveMiddleware()}  ([instance circuit breaker, instance middlewares])
 *   → transport: meta handlers, encode, send, decode, error mapping   {@link #transportEndpoint}
 * </pre>
 * Retry will wrap the whole chain below the tracer, one new rpcinfo per attempt.
 */
public final class DefaultClient implements Client {
    private static final Logger log = LoggerFactory.getLogger(DefaultClient.class);

    private final ClientOptions options;
    private final ServiceDescriptor service;
    private final ClientTransport transport;
    private final List<MetaHandler> metaHandlers;
    private final Endpoint chain;
    private final List<Tracer> tracers;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PayloadProtocol payloadProtocol;
    private static final RpcContext.Key<CallOptions> CALL_OPTIONS = RpcContext.Key.of("kitex4j.callOptions");

    public DefaultClient(ClientOptions options) {
        this.options = options;
        this.service = options.service();
        this.tracers = options.tracers();
        List<MetaHandler> handlers = new ArrayList<>();
        handlers.add(new ClientTTHeaderHandler(options.ttheaderMetaKeys()));
        handlers.addAll(options.metaHandlers());
        this.metaHandlers = List.copyOf(handlers);
        this.transport = Transports.find(options.transportName()).newClientTransport(options.transportConfig());
        // Over gRPC a protobuf service sends bare protobuf messages, not Kitex Protobuf frames.
        this.payloadProtocol = options.transportProtocol() == TransportProtocol.GRPC
                && options.payloadProtocol() == PayloadProtocol.KITEX_PROTOBUF
                ? PayloadProtocol.PROTOBUF : options.payloadProtocol();

        MiddlewareContext mwContext = new MiddlewareContext() {
            @Override
            public RpcInfo.Side side() {
                return RpcInfo.Side.CLIENT;
            }

            @Override
            public List<String> serviceNames() {
                return List.of(options.destService());
            }
        };
        List<Middleware> mws = new ArrayList<>();
        mws.add(timeoutMiddleware());
        for (MiddlewareBuilder b : options.middlewareBuilders()) {
            mws.add(b.build(mwContext));
        }
        mws.addAll(options.middlewares());
        mws.add(resolveMiddleware());
        this.chain = Middleware.chain(mws, this::transportEndpoint);
    }

    @Override
    public ServiceDescriptor service() {
        return service;
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Req, Resp> CompletableFuture<Resp> invoke(MethodDescriptor<Req, Resp> method, Req request, CallOptions callOptions) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new InternalException("client is closed"));
        }
        if (service.method(method.name()) != method) {
            return CompletableFuture.failedFuture(new InternalException(
                    "method " + method.name() + " is not a method of " + service.serviceName()));
        }
        if (method.mode().isStreaming()) {
            return CompletableFuture.failedFuture(new InternalException(
                    "method " + method.name() + " is " + method.mode() + ": call it with openStream"));
        }
        RpcContext ctx = startCall(method, callOptions);
        DefaultRpcInfo info = (DefaultRpcInfo) ctx.rpcInfo();
        CompletableFuture<Object> f;
        try {
            f = chain.invoke(ctx, request);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (tracers.isEmpty() && info.stats().level() == io.kitex4j.stats.StatsLevel.DISABLED) {
            return (CompletableFuture<Resp>) (CompletableFuture<?>) f;
        }
        RpcContext finalCtx = ctx;
        return (CompletableFuture<Resp>) (CompletableFuture<?>) f.whenComplete((r, err) -> finishCall(finalCtx, err));
    }

    @Override
    public <Req, Resp> ClientStream<Req, Resp> openStream(MethodDescriptor<Req, Resp> method, CallOptions callOptions) {
        if (closed.get()) {
            return new ClientStream<>(CompletableFuture.failedFuture(new InternalException("client is closed")));
        }
        if (service.method(method.name()) != method) {
            return new ClientStream<>(CompletableFuture.failedFuture(new InternalException(
                    "method " + method.name() + " is not a method of " + service.serviceName())));
        }
        if (!method.mode().isStreaming()) {
            return new ClientStream<>(CompletableFuture.failedFuture(new InternalException(
                    "method " + method.name() + " is " + method.mode() + ": call it with invoke")));
        }
        if (options.transportProtocol() != TransportProtocol.GRPC) {
            return new ClientStream<>(CompletableFuture.failedFuture(new InternalException(
                    "streaming calls need the GRPC transport protocol (this client uses "
                            + options.transportProtocol() + ")")));
        }
        RpcContext ctx = startCall(method, callOptions);
        CompletableFuture<Object> f;
        try {
            f = chain.invoke(ctx, null);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        f.whenComplete((s, err) -> {
            if (err != null) {
                finishCall(ctx, err);
                opened.completeExceptionally(unwrap(err));
            } else if (!(s instanceof Stream)) {
                InternalException bad = new InternalException("the middleware chain did not return a stream for "
                        + method.name() + " (a middleware replaced the result?)");
                finishCall(ctx, bad);
                opened.completeExceptionally(bad);
            } else {
                Stream stream = (Stream) s;
                // The caller sees the call end only after the tracers finished it.
                CompletableFuture<Void> finished = new CompletableFuture<>();
                stream.done().whenComplete((v, e) -> {
                    finishCall(ctx, e);
                    if (e != null) {
                        finished.completeExceptionally(unwrap(e));
                    } else {
                        finished.complete(null);
                    }
                });
                Stream traced = new ForwardingStream(stream) {
                    @Override
                    public CompletableFuture<Void> done() {
                        return finished;
                    }
                };
                if (!opened.complete(traced)) {
                    // The caller cancelled while the stream was opening: end the stream it will never see.
                    stream.cancel(new RpcException(io.kitex4j.errors.ErrorKind.STREAMING_CANCELED, "cancelled by the client"));
                }
            }
        });
        return new ClientStream<>(opened);
    }

    /** Builds the call's rpcinfo and context and starts its tracers. */
    private RpcContext startCall(MethodDescriptor<?, ?> method, CallOptions callOptions) {
        RpcContext parent = RpcContext.current();
        DefaultRpcInfo info = newRpcInfo(method, callOptions, parent);
        RpcContext ctx = InternalRpcContexts.forCall(parent, info, null);
        if (callOptions.hostPort() != null) {
            info.to().setAddress(callOptions.hostPort());
        }
        if (callOptions.headers() != null || callOptions.compressor() != null) {
            ctx = ctx.withAttribute(CALL_OPTIONS, callOptions);
        }
        for (Tracer t : tracers) {
            try {
                ctx = t.start(ctx);
            } catch (RuntimeException e) {
                log.warn("tracer {} failed on start", t, e);
            }
        }
        info.stats().record(StatsEvent.RPC_START);
        return ctx;
    }

    private void finishCall(RpcContext ctx, Throwable err) {
        DefaultRpcInfo info = (DefaultRpcInfo) ctx.rpcInfo();
        info.stats().record(StatsEvent.RPC_FINISH);
        if (err != null) {
            info.stats().setError(unwrap(err));
        }
        for (Tracer t : tracers) {
            try {
                t.finish(ctx);
            } catch (RuntimeException e) {
                log.warn("tracer {} failed on finish", t, e);
            }
        }
    }

    private DefaultRpcInfo newRpcInfo(MethodDescriptor<?, ?> method, CallOptions callOptions, RpcContext parent) {
        RpcInfo upstream = parent.rpcInfo();
        String fromMethod = upstream != null && upstream.side() == RpcInfo.Side.SERVER ? upstream.to().method() : "";
        MutableEndpointInfo from = new MutableEndpointInfo(options.clientServiceName(), fromMethod);
        MutableEndpointInfo to = new MutableEndpointInfo(options.destService(), method.name());
        MutableInvocation inv = new MutableInvocation(service.packageName(), service.serviceName(), method.name());
        MutableRpcConfig cfg = new MutableRpcConfig();
        if (callOptions.rpcTimeout() != null) {
            cfg.setRpcTimeout(callOptions.rpcTimeout(), true);
        } else {
            cfg.setRpcTimeout(options.rpcTimeout(), options.rpcTimeoutExplicit());
        }
        if (callOptions.connectTimeout() != null) {
            cfg.setConnectTimeout(callOptions.connectTimeout(), true);
        } else {
            cfg.setConnectTimeout(options.connectTimeout(), options.connectTimeoutExplicit());
        }
        cfg.setReadWriteTimeout(options.transportConfig().readWriteTimeout());
        cfg.setTransportProtocol(options.transportProtocol());
        cfg.setPayloadProtocol(payloadProtocol);
        cfg.setInteractionMode(method.mode());
        return new DefaultRpcInfo(RpcInfo.Side.CLIENT, from, to, inv, cfg, new MutableRpcStats(options.statsLevel()));
    }

    /** Fails the call with {@link RpcTimeoutException} when its RPC timeout passes. */
    private Middleware timeoutMiddleware() {
        return next -> (ctx, req) -> {
            DefaultRpcInfo info = (DefaultRpcInfo) ctx.rpcInfo();
            Duration timeout = info.config().rpcTimeout();
            // Streams carry their timeout as the stream's deadline (transport endpoint).
            if (timeout.isZero() || info.config().interactionMode() == InteractionMode.ONEWAY
                    || info.config().interactionMode().isStreaming()) {
                return next.invoke(ctx, req);
            }
            CompletableFuture<Object> result = new CompletableFuture<>();
            ScheduledFuture<?> timer = Timers.schedule(() -> result.completeExceptionally(timeoutError(info)),
                    timeout.toNanos());
            next.invoke(ctx, req).whenComplete((r, err) -> {
                timer.cancel(false);
                if (err != null) {
                    result.completeExceptionally(unwrap(err));
                } else {
                    result.complete(r);
                }
            });
            return result;
        };
    }

    static RpcTimeoutException timeoutError(RpcInfo info) {
        InetSocketAddress remote = info.to().address();
        return new RpcTimeoutException("timeout=" + info.config().rpcTimeout().toMillis() + "ms, to="
                + info.to().serviceName() + ", method=" + info.to().method()
                + ", location=kitex4j.rpcTimeoutMW" + (remote != null ? ", remote=" + remote : ""));
    }

    /** Picks the callee address: the call's own override, else round-robin over the configured addresses. */
    private Middleware resolveMiddleware() {
        return next -> (ctx, req) -> {
            MutableEndpointInfo to = ((DefaultRpcInfo) ctx.rpcInfo()).to();
            if (to.address() == null) {
                List<InetSocketAddress> addrs = options.addresses();
                if (addrs.isEmpty()) {
                    return CompletableFuture.failedFuture(new ServiceDiscoveryException(
                            "no instance available: no host ports configured for " + options.destService()));
                }
                int i = Math.floorMod(roundRobin.getAndIncrement(), addrs.size());
                to.setAddress(addrs.get(i));
            }
            return next.invoke(ctx, req);
        };
    }

    private CompletableFuture<Object> transportEndpoint(RpcContext ctx, Object request) {
        DefaultRpcInfo info = (DefaultRpcInfo) ctx.rpcInfo();
        MethodDescriptor<?, ?> method = service.method(info.to().method());
        boolean oneway = method.isOneway();
        int seq = SeqIds.next();
        info.invocation().setSeqId(seq);
        RemoteMessage msg = new RemoteMessage(oneway ? MessageType.ONEWAY : MessageType.CALL, method.name(), seq)
                .body(request)
                .method(method)
                .serviceName(service.serviceName())
                .transport(info.config().transportProtocol())
                .payloadProtocol(info.config().payloadProtocol())
                .rpcInfo(info)
                .metainfo(ctx.metainfo());
        Duration timeout = info.config().rpcTimeout();
        if (!timeout.isZero() && !oneway) {
            msg.deadlineNanos(System.nanoTime() + timeout.toNanos());
        }
        boolean grpc = msg.transport() == TransportProtocol.GRPC;
        if (grpc) {
            CallOptions co = ctx.attribute(CALL_OPTIONS);
            msg.callHeaders(co != null && co.headers() != null ? co.headers() : new CallHeaders());
            msg.compressor(co != null ? co.compressor() : null);
        }
        try {
            GrpcMetaHandler.writeRequest(msg);
            for (MetaHandler h : metaHandlers) {
                h.writeMeta(msg);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new InternalException("meta handler failed: " + e.getMessage(), e));
        }
        if (method.mode().isStreaming()) {
            return openTransportStream(msg, info);
        }
        BackwardValues receiver = InternalRpcContexts.backwardReceiver(ctx);
        CompletableFuture<Object> result = new CompletableFuture<>();
        transport.send(msg, info.to().address()).whenComplete((reply, err) -> {
            if (err != null) {
                result.completeExceptionally(unwrap(err));
                return;
            }
            try {
                result.complete(mapReply(reply, info, method, seq, receiver));
            } catch (RuntimeException e) {
                // Middlewares see the error itself, never a CompletionException around it.
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Object mapReply(RemoteMessage reply, DefaultRpcInfo info, MethodDescriptor<?, ?> method, int seq,
                            BackwardValues receiver) {
        {
            if (reply == null) {
                return null; // oneway
            }
            info.stats().setRecvSize(reply.wireSize());
            reply.rpcInfo(info);
            GrpcMetaHandler.readReply(reply);
            for (MetaHandler h : metaHandlers) {
                h.readMeta(reply);
            }
            if (receiver != null && reply.backward() != null) {
                receiver.putAll(reply.backward().asMap());
            }
            if (reply.messageType() == MessageType.EXCEPTION) {
                Object body = reply.body();
                throw body instanceof RuntimeException ? (RuntimeException) body
                        : new RemoteApplicationException(ApplicationException.UNKNOWN, String.valueOf(body));
            }
            if (reply.seqId() != seq) {
                throw new RemoteOrNetworkException("bad sequence id: sent " + seq + ", got " + reply.seqId(),
                        new ApplicationException(ApplicationException.BAD_SEQUENCE_ID, "bad sequence id"));
            }
            if (!method.name().equals(reply.methodName())) {
                throw new RemoteOrNetworkException("wrong method name: sent " + method.name() + ", got " + reply.methodName(),
                        new ApplicationException(ApplicationException.WRONG_METHOD_NAME, "wrong method name"));
            }
            if (reply.error() instanceof RuntimeException) {
                throw (RuntimeException) reply.error();
            }
            return reply.body();
        }
    }

    /** Opens the transport's stream; its deadline (the RPC timeout) ends it with DEADLINE_EXCEEDED. */
    private CompletableFuture<Object> openTransportStream(RemoteMessage msg, DefaultRpcInfo info) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        transport.openStream(msg, info.to().address()).whenComplete((s, err) -> {
            if (err != null) {
                result.completeExceptionally(unwrap(err));
            } else {
                result.complete(new ClientCallStream(s, msg.callHeaders(), msg.deadlineNanos(), info));
            }
        });
        return result;
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
        }
    }

    /** Thrown to callers of {@link RpcException}-producing code paths; kept for readability of stack traces. */
    @Override
    public String toString() {
        return "Client{" + options.destService() + ", " + options.debugInfo() + '}';
    }
}
