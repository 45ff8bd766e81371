package io.kitex4j.internal.server;

import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.InternalRpcContexts;
import io.kitex4j.context.Metainfo;
import io.kitex4j.context.RpcContext;
import io.kitex4j.endpoint.Endpoint;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.endpoint.MiddlewareContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusException;
import io.kitex4j.internal.common.HandlerExecutors;
import io.kitex4j.internal.common.Transports;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.internal.rpcinfo.MutableEndpointInfo;
import io.kitex4j.internal.rpcinfo.MutableInvocation;
import io.kitex4j.internal.rpcinfo.MutableRpcConfig;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.internal.transmeta.GrpcMetaHandler;
import io.kitex4j.internal.transmeta.ServerTTHeaderHandler;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.server.ServerOptions;
import io.kitex4j.service.ServiceDefinition.ServerMethod;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.Tracer;
import io.kitex4j.streaming.ServerStream;
import io.kitex4j.streaming.Stream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server engine: routes decoded requests to services, runs the middleware chain and the
 * handler on the configured executor, and turns outcomes into replies with Kitex's error
 * mapping (§2.1 of the wire fact sheet). The chain, outermost first:
 * <pre>
 *   tracer start/finish and stats (this class)
 *   → user middlewares (builders first, then plain ones)
 *   → [ACL, context timeout]   (later issues)
 *   → handler                  {@link #handlerEndpoint}
 * </pre>
 */
public final class DefaultServer implements Server, InboundDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DefaultServer.class);

    private final ServerOptions options;
    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    private final ServerTransport transport;
    private final ServerTTHeaderHandler ttheaderHandler = new ServerTTHeaderHandler();
    private final List<MetaHandler> userMetaHandlers;
    private final List<Tracer> tracers;
    private final Endpoint chain;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private ExecutorService streamExecutor;
    private volatile boolean draining;
    private volatile InetSocketAddress boundAddress;
    private boolean stopped;

    public DefaultServer(ServerOptions options) {
        this.options = options;
        for (ServiceDefinition s : options.services()) {
            services.put(s.descriptor().serviceName(), s);
        }
        this.userMetaHandlers = options.metaHandlers();
        this.tracers = options.tracers();
        this.transport = Transports.find(options.transportName()).newServerTransport(options.transportConfig());
        if (options.executor() != null) {
            this.executor = options.executor();
            this.ownedExecutor = null;
        } else if (options.execution() == HandlerExecution.IO_THREAD) {
            this.executor = null;
            this.ownedExecutor = null;
        } else {
            ExecutorService vt = HandlerExecutors.newVirtualThreadExecutor();
            this.ownedExecutor = vt != null ? vt
                    : HandlerExecutors.newBoundedPool("kitex4j-handler", options.poolThreads(), options.poolQueue());
            this.executor = ownedExecutor;
        }
        MiddlewareContext mwContext = new MiddlewareContext() {
            @Override
            public RpcInfo.Side side() {
                return RpcInfo.Side.SERVER;
            }

            @Override
            public List<String> serviceNames() {
                return List.copyOf(services.keySet());
            }
        };
        List<Middleware> mws = new ArrayList<>();
        for (MiddlewareBuilder b : options.middlewareBuilders()) {
            mws.add(b.build(mwContext));
        }
        mws.addAll(options.middlewares());
        this.chain = Middleware.chain(mws, this::handlerEndpoint);
    }

    @Override
    public synchronized InetSocketAddress start() throws Exception {
        if (boundAddress != null) {
            throw new IllegalStateException("server already started on " + boundAddress);
        }
        if (stopped) {
            throw new IllegalStateException("server was stopped");
        }
        boundAddress = transport.start(options.address(), this);
        log.info("kitex4j server listening on {} with services {}", boundAddress, services.keySet());
        return boundAddress;
    }

    @Override
    public InetSocketAddress address() {
        return boundAddress;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        draining = true;
        if (boundAddress != null) {
            transport.shutdown(options.exitWaitTime());
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        synchronized (this) {
            if (streamExecutor != null) {
                streamExecutor.shutdown();
            }
        }
    }

    @Override
    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    @Override
    public ServerOptions options() {
        return options;
    }

    @Override
    public boolean draining() {
        return draining;
    }

    @Override
    public void route(RemoteMessage request) {
        String method = request.methodName();
        if (!request.serviceName().isEmpty()) {
            routeQualified(request, method);
            return;
        }
        String isn = request.hasStrInfo() ? request.strInfo().get(TTHeaderKeys.IDL_SERVICE_NAME) : null;
        if (isn != null && !isn.isEmpty()) {
            ServiceDefinition svc = services.get(isn);
            if (svc == null) {
                throw new ApplicationException(ApplicationException.UNKNOWN_SERVICE,
                        "unknown service " + isn + ", method " + method);
            }
            ServerMethod<?, ?> m = svc.method(method);
            if (m == null) {
                throw new ApplicationException(ApplicationException.UNKNOWN_METHOD,
                        "unknown method " + method + " (service " + isn + ")");
            }
            request.serviceName(isn).method(m.descriptor());
            return;
        }
        // No service name on the wire: the first hosted service that has the method (Kitex's fallback).
        for (ServiceDefinition svc : services.values()) {
            ServerMethod<?, ?> m = svc.method(method);
            if (m != null) {
                request.serviceName(svc.descriptor().serviceName()).method(m.descriptor());
                return;
            }
        }
        throw new ApplicationException(ApplicationException.UNKNOWN_SERVICE, "unknown service , method " + method);
    }

    /**
     * Routes by a service name the transport found (a gRPC path's {@code package.Service}, or a
     * bare {@code Service}): the package must match when given.
     */
    private void routeQualified(RemoteMessage request, String method) {
        String qualified = request.serviceName();
        int dot = qualified.lastIndexOf('.');
        String name = dot < 0 ? qualified : qualified.substring(dot + 1);
        String pkg = dot < 0 ? null : qualified.substring(0, dot);
        ServiceDefinition svc = services.get(name);
        if (svc == null || pkg != null && !pkg.equals(svc.descriptor().packageName())) {
            throw new ApplicationException(ApplicationException.UNKNOWN_SERVICE,
                    "unknown service " + qualified + ", method " + method);
        }
        ServerMethod<?, ?> m = svc.method(method);
        if (m == null) {
            throw new ApplicationException(ApplicationException.UNKNOWN_METHOD,
                    "unknown method " + method + " (service " + qualified + ")");
        }
        request.serviceName(name).method(m.descriptor());
    }

    @Override
    public void dispatch(RemoteMessage request, ReplySink sink) {
        RpcContext callCtx = begin(request);
        execute(callCtx, request, () -> run(callCtx, request, request.body(), sink), sink);
    }

    @Override
    public void dispatchStream(RemoteMessage request, Stream stream, ReplySink sink) {
        RpcContext callCtx = begin(request);
        execute(callCtx, request, () -> run(callCtx, request, stream, sink), sink);
    }

    private void execute(RpcContext callCtx, RemoteMessage request, Runnable task, ReplySink sink) {
        Executor exec = executor;
        boolean streaming = request.method().mode().isStreaming();
        if (streaming && options.executor() == null && (exec == null || !HandlerExecutors.virtualThreadsAvailable())) {
            // A stream handler waits for messages for as long as its stream lives: never on the I/O
            // thread that reads them, and not in the bounded pool's queue behind other streams
            // (which could wait for ever): a thread of its own, as grpc-java's default executor.
            exec = streamExecutor();
        } else if (exec == null) {
            task.run();
            return;
        }
        try {
            exec.execute(task);
        } catch (RejectedExecutionException e) {
            finish(callCtx, request, InternalRpcContexts.backwardSent(callCtx), sink, null,
                    new FrameworkError(ApplicationException.INTERNAL_ERROR, "request over limit: handler pool exhausted"));
        }
    }

    private synchronized Executor streamExecutor() {
        if (streamExecutor == null) {
            ExecutorService vt = HandlerExecutors.newVirtualThreadExecutor();
            streamExecutor = vt != null ? vt
                    : HandlerExecutors.newGrowingPool("kitex4j-stream", options.poolThreads() + options.poolQueue());
        }
        return streamExecutor;
    }

    /** Builds the call's rpcinfo and context, reads its metadata and starts the tracers. */
    private RpcContext begin(RemoteMessage request) {
        ServiceDefinition svc = services.get(request.serviceName());
        MutableEndpointInfo from = new MutableEndpointInfo("", "");
        from.setAddress(request.remoteAddress());
        MutableEndpointInfo to = new MutableEndpointInfo(request.serviceName(), request.methodName());
        to.setAddress(request.localAddress());
        MutableInvocation inv = new MutableInvocation(svc.descriptor().packageName(), request.serviceName(), request.methodName());
        inv.setSeqId(request.seqId());
        MutableRpcConfig cfg = new MutableRpcConfig()
                .setTransportProtocol(request.transport())
                .setPayloadProtocol(request.payloadProtocol())
                .setInteractionMode(request.method().mode())
                .setReadWriteTimeout(options.transportConfig().readWriteTimeout());
        cfg.setRpcTimeout(java.time.Duration.ZERO, false);
        MutableRpcStats stats = new MutableRpcStats(options.statsLevel());
        stats.setRecvSize(request.wireSize());
        DefaultRpcInfo info = new DefaultRpcInfo(RpcInfo.Side.SERVER, from, to, inv, cfg, stats);
        request.rpcInfo(info);
        stats.record(StatsEvent.RPC_START);
        if (request.transport() == TransportProtocol.GRPC) {
            GrpcMetaHandler.readRequest(request);
            if (request.deadlineNanos() != 0) {
                long left = request.deadlineNanos() - System.nanoTime();
                cfg.setRpcTimeout(java.time.Duration.ofNanos(Math.max(1, left)), true);
            }
        } else {
            ttheaderHandler.readMeta(request);
        }
        for (MetaHandler h : userMetaHandlers) {
            h.readMeta(request);
        }
        Metainfo metainfo = request.metainfo().transferForward();
        BackwardValues backward = new BackwardValues();
        RpcContext root = RpcContext.root().withMetainfo(metainfo);
        if (request.callHeaders() != null) {
            root = root.withAttribute(CallHeaders.KEY, request.callHeaders());
        }
        RpcContext ctx = InternalRpcContexts.forCall(root, info, backward);
        for (Tracer t : tracers) {
            try {
                ctx = t.start(ctx);
            } catch (RuntimeException e) {
                log.warn("tracer {} failed on start", t, e);
            }
        }
        return ctx;
    }

    private void run(RpcContext ctx, RemoteMessage request, Object body, ReplySink sink) {
        DefaultRpcInfo info = request.rpcInfo();
        info.stats().record(StatsEvent.SERVER_HANDLE_START);
        CompletableFuture<Object> f;
        try {
            f = chain.invoke(ctx, body);
        } catch (Throwable t) {
            f = CompletableFuture.failedFuture(t);
        }
        BackwardValues backward = InternalRpcContexts.backwardSent(ctx);
        f.whenComplete((result, err) -> finish(ctx, request, backward, sink, result, err));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletableFuture<Object> handlerEndpoint(RpcContext ctx, Object request) {
        RpcInfo info = ctx.rpcInfo();
        ServerMethod m = services.get(info.to().serviceName()).method(info.to().method());
        try (RpcContext.Scope ignored = ctx.attach()) {
            if (m.blockingHandler() != null) {
                return CompletableFuture.completedFuture(m.blockingHandler().handle(request));
            }
            CompletionStage<Object> stage;
            if (m.streamHandler() != null) {
                m.streamHandler().handle(new ServerStream<>((Stream) request));
                return CompletableFuture.completedFuture(null);
            } else if (m.asyncStreamHandler() != null) {
                stage = m.asyncStreamHandler().handle(new ServerStream<>((Stream) request));
            } else {
                stage = m.asyncHandler().handle(request);
            }
            if (stage == null) {
                return CompletableFuture.failedFuture(new NullPointerException("async handler returned null"));
            }
            // Middlewares see the handler's own exception, never a CompletionException around it.
            CompletableFuture<Object> f = new CompletableFuture<>();
            stage.whenComplete((r, e) -> {
                if (e != null) {
                    f.completeExceptionally(unwrap(e));
                } else {
                    f.complete(r);
                }
            });
            return f;
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    private void finish(RpcContext ctx, RemoteMessage request, BackwardValues backward, ReplySink sink, Object result,
                        Throwable err) {
        DefaultRpcInfo info = request.rpcInfo();
        info.stats().record(StatsEvent.SERVER_HANDLE_FINISH);
        err = unwrap(err);
        try {
            if (request.method().isOneway()) {
                if (err != null) {
                    log.debug("oneway {}.{} failed", request.serviceName(), request.methodName(), err);
                }
                sink.done();
                return;
            }
            RemoteMessage reply = new RemoteMessage(MessageType.REPLY, request.methodName(), request.seqId())
                    .method(request.method())
                    .serviceName(request.serviceName())
                    .transport(request.transport())
                    .payloadProtocol(request.payloadProtocol())
                    .rpcInfo(info)
                    .backward(backward)
                    .callHeaders(request.callHeaders());
            if (err == null) {
                // A stream's handler has sent its messages already: the reply only ends the call.
                reply.body(request.method().mode().isStreaming() ? null : result);
            } else if (err instanceof BizStatusException) {
                reply.body(null).error(err);
            } else {
                // The raw failure travels beside its Thrift form: gRPC maps it to a status itself.
                reply.messageType(MessageType.EXCEPTION).body(toApplicationException(info, err)).error(err);
            }
            ttheaderHandler.writeReplyMeta(reply, draining);
            GrpcMetaHandler.writeReply(reply);
            for (MetaHandler h : userMetaHandlers) {
                h.writeMeta(reply);
            }
            sink.reply(reply);
        } catch (RuntimeException e) {
            log.error("failed to reply to {}.{}", request.serviceName(), request.methodName(), e);
            sink.done();
        } finally {
            info.stats().record(StatsEvent.RPC_FINISH);
            if (err != null) {
                info.stats().setError(err);
            }
            for (Tracer t : tracers) {
                try {
                    t.finish(ctx);
                } catch (RuntimeException e) {
                    log.warn("tracer {} failed on finish", t, e);
                }
            }
        }
    }

    /** Kitex's mapping of handler failures to wire exceptions (§2.1); a {@link StatusException} keeps its message. */
    static ApplicationException toApplicationException(RpcInfo info, Throwable err) {
        if (err instanceof FrameworkError) {
            return (ApplicationException) err;
        }
        if (err instanceof ApplicationException) {
            ApplicationException ae = (ApplicationException) err;
            return new ApplicationException(ae.typeId(), ae.getMessage() + " [biz error]");
        }
        if (err instanceof Error) {
            return new ApplicationException(ApplicationException.INTERNAL_ERROR,
                    "panic: [happened in biz handler, method=" + info.to().serviceName() + "." + info.to().method()
                            + "] " + err);
        }
        if (err instanceof StatusException) {
            return new ApplicationException(ApplicationException.INTERNAL_ERROR,
                    "biz error: " + ((StatusException) err).statusMessage());
        }
        String m = err.getMessage();
        return new ApplicationException(ApplicationException.INTERNAL_ERROR,
                "biz error: " + (m != null ? m : err.getClass().getName()));
    }

    /**
     * An error the framework itself raises on the server (limits, ACL): sent as it is, without the
     * {@code "biz error: "} prefix that every handler failure gets (Kitex wraps handler errors in ErrBiz).
     */
    public static final class FrameworkError extends ApplicationException {
        private static final long serialVersionUID = 1L;

        public FrameworkError(int typeId, String message) {
            super(typeId, message);
        }
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
