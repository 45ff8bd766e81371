package io.kitex4j.internal.server;

import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.InternalRpcContexts;
import io.kitex4j.context.Metainfo;
import io.kitex4j.context.RpcContext;
import io.kitex4j.endpoint.Endpoint;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.endpoint.MiddlewareBuilder;
import io.kitex4j.endpoint.MiddlewareContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.internal.common.HandlerExecutors;
import io.kitex4j.internal.common.Transports;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.internal.rpcinfo.MutableEndpointInfo;
import io.kitex4j.internal.rpcinfo.MutableInvocation;
import io.kitex4j.internal.rpcinfo.MutableRpcConfig;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.internal.transmeta.ServerTTHeaderHandler;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.server.ServerOptions;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDefinition.ServerMethod;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.Tracer;
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

    @Override
    public void dispatch(RemoteMessage request, ReplySink sink) {
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
        ttheaderHandler.readMeta(request);
        for (MetaHandler h : userMetaHandlers) {
            h.readMeta(request);
        }
        Metainfo metainfo = request.metainfo().transferForward();
        BackwardValues backward = new BackwardValues();
        RpcContext ctx = InternalRpcContexts.forCall(RpcContext.root().withMetainfo(metainfo), info, backward);
        for (Tracer t : tracers) {
            try {
                ctx = t.start(ctx);
            } catch (RuntimeException e) {
                log.warn("tracer {} failed on start", t, e);
            }
        }
        RpcContext callCtx = ctx;
        Runnable task = () -> run(callCtx, request, backward, sink);
        if (executor == null) {
            task.run();
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            finish(callCtx, request, backward, sink, null, new FrameworkError(ApplicationException.INTERNAL_ERROR,
                    "request over limit: handler pool exhausted"));
        }
    }

    private void run(RpcContext ctx, RemoteMessage request, BackwardValues backward, ReplySink sink) {
        DefaultRpcInfo info = request.rpcInfo();
        info.stats().record(StatsEvent.SERVER_HANDLE_START);
        CompletableFuture<Object> f;
        try {
            f = chain.invoke(ctx, request.body());
        } catch (Throwable t) {
            f = CompletableFuture.failedFuture(t);
        }
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
            CompletionStage<Object> stage = m.asyncHandler().handle(request);
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
                    .backward(backward);
            if (err == null) {
                reply.body(result);
            } else if (err instanceof BizStatusException) {
                reply.body(null).error(err);
            } else {
                reply.messageType(MessageType.EXCEPTION).body(toApplicationException(info, err));
            }
            ttheaderHandler.writeReplyMeta(reply, draining);
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

    /** Kitex's mapping of handler failures to wire exceptions (§2.1). */
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
