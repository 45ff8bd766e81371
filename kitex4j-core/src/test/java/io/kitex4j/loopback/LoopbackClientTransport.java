package io.kitex4j.loopback;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.ClientTransport;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.streaming.Stream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client half of the loopback transport: hands each request object to the server engine of
 * the same JVM (no encoding), the way a gRPC transport would: the path's {@code package.Service}
 * as service name, {@link RemoteMessage#strInfo()} as metadata, a fresh {@link CallHeaders} on the
 * server request; the reply's string keys come back as trailers, a failure as a
 * {@link StatusException} built with {@link StatusCode#of}.
 */
final class LoopbackClientTransport implements ClientTransport {
    /** Messages buffered per direction of a stream before a send waits. */
    static final int STREAM_WINDOW = 4;

    private static final InetSocketAddress CLIENT_ADDRESS = InetSocketAddress.createUnresolved("loopback-client", 1);

    @Override
    public CompletableFuture<RemoteMessage> send(RemoteMessage request, InetSocketAddress address) {
        LoopbackServerTransport server = LoopbackServerTransport.at(address);
        if (server == null) {
            return CompletableFuture.failedFuture(new ConnectionException("no loopback server at " + address));
        }
        CompletableFuture<RemoteMessage> result = new CompletableFuture<>();
        server.execute(() -> {
            RemoteMessage req = toServer(request, request.messageType(), server);
            try {
                server.dispatcher().route(req);
            } catch (ApplicationException e) {
                result.complete(routeFailure(request, e));
                return;
            }
            server.dispatcher().dispatch(req, new ReplySink() {
                @Override
                public void reply(RemoteMessage reply) {
                    result.complete(toClient(request, reply));
                }

                @Override
                public void done() {
                    result.complete(null);
                }
            });
        });
        return result;
    }

    @Override
    public CompletableFuture<Stream> openStream(RemoteMessage request, InetSocketAddress address) {
        LoopbackServerTransport server = LoopbackServerTransport.at(address);
        if (server == null) {
            return CompletableFuture.failedFuture(new ConnectionException("no loopback server at " + address));
        }
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        LoopbackCall call = new LoopbackCall(STREAM_WINDOW, request);
        server.execute(() -> {
            RemoteMessage req = toServer(request, MessageType.CALL, server);
            call.serverRequest(req);
            try {
                server.dispatcher().route(req);
            } catch (ApplicationException e) {
                opened.completeExceptionally(new StatusException(StatusCode.UNIMPLEMENTED, e.getMessage()));
                return;
            }
            server.opened(call);
            opened.complete(call.clientSide);
            server.dispatcher().dispatchStream(req, call.serverSide, new ReplySink() {
                @Override
                public void reply(RemoteMessage reply) {
                    call.end(reply);
                }

                @Override
                public void done() {
                    call.end(new RemoteMessage(MessageType.REPLY, req.methodName(), req.seqId()));
                }
            });
        });
        return opened;
    }

    @Override
    public void close() {}

    /** The request as a server transport would produce it from the wire. */
    private static RemoteMessage toServer(RemoteMessage request, int type, LoopbackServerTransport server) {
        boolean grpc = request.transport() == TransportProtocol.GRPC;
        RemoteMessage req = new RemoteMessage(type, request.methodName(), request.seqId())
                .body(request.body())
                .transport(request.transport())
                .payloadProtocol(request.payloadProtocol())
                .headers(request.hasIntInfo() ? new HashMap<>(request.intInfo()) : new HashMap<>(),
                        request.hasStrInfo() ? new LinkedHashMap<>(request.strInfo()) : new LinkedHashMap<>())
                .deadlineNanos(request.deadlineNanos())
                .addresses(CLIENT_ADDRESS, server.address());
        if (grpc) {
            // the gRPC path: /package.Service/Method
            String pkg = request.rpcInfo() != null ? request.rpcInfo().invocation().packageName() : "";
            req.serviceName(pkg == null || pkg.isEmpty() ? request.serviceName() : pkg + "." + request.serviceName());
            req.callHeaders(new CallHeaders());
        }
        return req;
    }

    private static RemoteMessage routeFailure(RemoteMessage request, ApplicationException e) {
        RemoteMessage r = new RemoteMessage(MessageType.EXCEPTION, request.methodName(), request.seqId())
                .transport(request.transport()).payloadProtocol(request.payloadProtocol());
        if (request.transport() == TransportProtocol.GRPC) {
            return r.body(new StatusException(StatusCode.UNIMPLEMENTED, e.getMessage()));
        }
        return r.body(new RemoteApplicationException(e.typeId(), e.getMessage()));
    }

    /** The server's reply as the client transport would decode it. */
    private static RemoteMessage toClient(RemoteMessage request, RemoteMessage reply) {
        RemoteMessage r = new RemoteMessage(reply.messageType(), reply.methodName(), reply.seqId())
                .transport(request.transport())
                .payloadProtocol(request.payloadProtocol());
        Map<String, String> strs = reply.hasStrInfo() ? new LinkedHashMap<>(reply.strInfo()) : new LinkedHashMap<>();
        if (request.transport() != TransportProtocol.GRPC) {
            r.headers(reply.hasIntInfo() ? new HashMap<>(reply.intInfo()) : new HashMap<>(), strs);
            if (reply.messageType() == MessageType.EXCEPTION) {
                ApplicationException ae = (ApplicationException) reply.body();
                return r.body(new RemoteApplicationException(ae.typeId(), ae.getMessage()));
            }
            return r.body(reply.body());
        }
        Throwable status = statusOf(reply);
        if (reply.error() instanceof BizStatusException) {
            strs.put("grpc-message", ((BizStatusException) reply.error()).statusMessage());
        }
        r.headers(new HashMap<>(), strs);
        CallHeaders clientHeaders = request.callHeaders();
        if (clientHeaders != null) {
            CallHeaders server = reply.callHeaders();
            if (server != null) {
                server.responseHeaders().forEach((k, v) -> clientHeaders.putRawResponse(k, v, false));
                server.responseTrailers().forEach((k, v) -> clientHeaders.putRawResponse(k, v, true));
            }
            reply.strInfo().forEach((k, v) -> clientHeaders.putRawResponse(k, v, true));
        }
        if (reply.messageType() == MessageType.EXCEPTION) {
            return r.body(status);
        }
        return r.body(reply.body());
    }

    /** The gRPC status a server reply stands for: null for OK, else a StatusException. */
    static Throwable statusOf(RemoteMessage reply) {
        Throwable err = reply.error();
        if (err == null && reply.messageType() != MessageType.EXCEPTION) {
            return null;
        }
        if (err instanceof StatusException) {
            StatusException se = (StatusException) err;
            return new StatusException(se.code(), se.statusMessage(), se.details(), null);
        }
        if (err instanceof BizStatusException) {
            return new StatusException(StatusCode.of(err), ((BizStatusException) err).statusMessage());
        }
        String message = reply.body() instanceof ApplicationException ? ((ApplicationException) reply.body()).getMessage()
                : err != null ? String.valueOf(err.getMessage()) : "";
        return new StatusException(err != null ? StatusCode.of(err) : StatusCode.INTERNAL, message);
    }
}
