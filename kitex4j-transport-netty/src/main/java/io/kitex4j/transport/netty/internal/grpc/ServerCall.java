package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.RpcException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.internal.server.DefaultServer;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.ReplySink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gRPC call on the server: the {@link io.kitex4j.streaming.Stream} a streaming handler gets
 * (it receives requests, sends responses), and the {@link ReplySink} the engine answers through.
 * Unary calls read exactly one request (as grpc-java: none or two is INTERNAL) before they are
 * dispatched. Response headers go out with the first message or, for calls that end without
 * one, in a trailers-only response as Kitex sends it.
 */
final class ServerCall extends GrpcStream {
    private static final Logger log = LoggerFactory.getLogger(ServerCall.class);
    /**
     * A client reset this close to the call's deadline counts as the deadline: the client's
     * timer ran from before the request was sent, so it fires (and resets) a little earlier.
     */
    private static final long DEADLINE_SLACK_NANOS = 50_000_000L;

    /**
     * The response headers and OK trailers of most calls, shared (Netty only reads a header block
     * it writes): no block to build per call.
     */
    private static final Http2Headers PLAIN_HEADERS = new DefaultHttp2Headers(false)
            .status(GrpcMetadata.STATUS_200).set(GrpcMetadata.CONTENT_TYPE, GrpcMetadata.APPLICATION_GRPC);
    private static final Http2Headers OK_TRAILERS = new DefaultHttp2Headers(false)
            .set(GrpcMetadata.GRPC_STATUS, "0").set(GrpcMetadata.GRPC_MESSAGE, "");

    private final GrpcServerHandler server;
    final RemoteMessage request;
    private final String contentType;
    private final boolean clientAcceptsGzip;
    private final boolean requestGzip;
    private final boolean streaming;
    private boolean headersSent;
    private boolean outboundGzip;
    private boolean dispatched;
    private boolean handlerDone;
    private boolean accounted;
    private final AtomicBoolean sinkUsed = new AtomicBoolean();

    ServerCall(GrpcServerHandler server, int streamId, RemoteMessage request, PayloadCodec codec, String contentType,
               boolean clientAcceptsGzip, boolean requestGzip) {
        super(server, codec, request.method().requestCodec(), request.method().responseCodec(), request.callHeaders());
        this.server = server;
        this.id = streamId;
        this.request = request;
        this.contentType = contentType;
        this.clientAcceptsGzip = clientAcceptsGzip;
        this.requestGzip = requestGzip;
        this.inboundGzip = requestGzip;
        this.streaming = request.method().mode().isStreaming();
        updateReady();
    }

    /** Dispatches a streaming call now; a unary one once its request is in. */
    void start() {
        if (streaming) {
            dispatched = true;
            try {
                server.server.dispatcher.dispatchStream(request, this, sink);
            } catch (RuntimeException e) {
                log.warn("dispatching {}/{} failed", request.serviceName(), request.methodName(), e);
                handlerDone = true;
                abort(new StatusException(StatusCode.INTERNAL, "dispatch failed: " + e, e));
            }
            return;
        }
        receive().whenComplete((first, e1) -> {
            if (e1 != null) {
                return; // the call already ended and was answered
            }
            if (first == null) {
                abort(new StatusException(StatusCode.INTERNAL, "Half-closed without a request"));
                return;
            }
            receive().whenComplete((second, e2) -> {
                if (e2 != null) {
                    return;
                }
                if (second != null) {
                    abort(new StatusException(StatusCode.INTERNAL, "Too many requests"));
                    return;
                }
                request.body(first).wireSize((int) Math.min(Integer.MAX_VALUE, receivedBytes));
                dispatched = true;
                try {
                    server.server.dispatcher.dispatch(request, sink);
                } catch (RuntimeException e) {
                    log.warn("dispatching {}/{} failed", request.serviceName(), request.methodName(), e);
                    handlerDone = true;
                    abort(new StatusException(StatusCode.INTERNAL, "dispatch failed: " + e, e));
                }
            });
        });
    }

    // ------------------------------------------------------------------ Stream (server side)

    /** The server's end of the call is the handler's return; this only flushes. */
    @Override
    public java.util.concurrent.CompletableFuture<Void> closeSend() {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        submit(new Op() { // behind the sends before it
            @Override
            public void run() {
                handler.scheduleFlush();
                f.complete(null);
            }

            @Override
            public void reject(Throwable cause) {
                f.completeExceptionally(cause);
            }
        });
        return f;
    }

    @Override
    void beforeFirstSend() {
        sendHeaders(callHeaders);
    }

    @Override
    boolean compressOutbound() {
        return outboundGzip && (requestGzip || callHeaders != null && callHeaders.compressResponses());
    }

    private void sendHeaders(CallHeaders ch) {
        if (headersSent) {
            return;
        }
        headersSent = true;
        // Respond compressed when asked to, or (as grpc-go and Kitex) when the request was.
        outboundGzip = requestGzip || clientAcceptsGzip && ch != null && ch.compressResponses();
        Map<String, String> custom = ch != null ? ch.responseHeaders() : Map.of();
        Http2Headers h;
        if (!outboundGzip && custom.isEmpty() && GrpcMetadata.APPLICATION_GRPC.equals(contentType)) {
            h = PLAIN_HEADERS; // most responses
        } else {
            h = new DefaultHttp2Headers(false).status(GrpcMetadata.STATUS_200).set(GrpcMetadata.CONTENT_TYPE, contentType);
            if (outboundGzip) {
                h.set(GrpcMetadata.GRPC_ENCODING, GrpcMetadata.GZIP);
            }
            GrpcMetadata.addAll(h, custom, GrpcMetadata.RESPONSE_RESERVED);
        }
        handler.encoder().writeHeaders(handler.ctx, id, h, 0, false, handler.ctx.newPromise());
    }

    /**
     * Writes the status: trailers after the headers already sent, or a trailers-only response
     * (one HEADERS frame with END_STREAM carrying {@code :status}, content type, status and
     * metadata) as Kitex sends errors. {@code grpc-message} is always present (empty for OK).
     */
    private void writeStatus(GrpcStatus st, CallHeaders ch, Map<String, String> extra) {
        boolean trailersOnly = !headersSent;
        Map<String, String> customTrailers = ch != null ? ch.responseTrailers() : Map.of();
        if (!trailersOnly && st == GrpcStatus.OK && customTrailers.isEmpty() && (extra == null || extra.isEmpty())) {
            writeTrailers(OK_TRAILERS); // most calls
            return;
        }
        Http2Headers h = new DefaultHttp2Headers(false);
        if (trailersOnly) {
            headersSent = true;
            h.status(GrpcMetadata.STATUS_200).set(GrpcMetadata.CONTENT_TYPE, contentType);
        }
        h.set(GrpcMetadata.GRPC_STATUS, Integer.toString(st.code.value()));
        h.set(GrpcMetadata.GRPC_MESSAGE, GrpcStatus.encodeMessage(st.message));
        if (st.details != null) {
            h.set(GrpcMetadata.GRPC_STATUS_DETAILS, GrpcStatus.encodeBinary(st.details));
        }
        if (ch != null && trailersOnly) {
            GrpcMetadata.addAll(h, ch.responseHeaders(), GrpcMetadata.RESPONSE_RESERVED);
        }
        GrpcMetadata.addAll(h, customTrailers, GrpcMetadata.RESPONSE_RESERVED);
        GrpcMetadata.addAll(h, extra, GrpcMetadata.RESPONSE_RESERVED);
        writeTrailers(h);
    }

    private void writeTrailers(Http2Headers h) {
        outboundClosed = true;
        ChannelPromise p = handler.ctx.newPromise();
        if (!inboundEnded()) { // the client may still be sending: stop it once the trailers are out
            int streamId = id;
            p.addListener(f -> server.resetIfRemoteOpen(streamId));
        }
        handler.encoder().writeHeaders(handler.ctx, id, h, 0, true, p);
        handler.scheduleFlush();
    }

    // ------------------------------------------------------------------ ends

    /**
     * Ends the call with {@code status}. The trailers queue behind response DATA still waiting for
     * the client's window; if there is such DATA (a client that stopped reading), RST_STREAM
     * follows the trailers, as grpc-java does, so the stream does not stay open forever.
     */
    @Override
    void abort(StatusException status) {
        if (ended) {
            return;
        }
        fail(status);
        handler.flushNow(); // what the window allows goes out; what is left waits for the client
        Http2Stream s = handler.connection().stream(id);
        boolean dataBlocked = s != null && handler.remoteFlow.hasFlowControlled(s);
        writeStatus(GrpcStatus.of(status), callHeaders, null);
        if (dataBlocked) {
            resetStream(Http2Error.CANCEL);
        }
    }

    @Override
    void onReset(long errorCode) {
        long deadline = request.deadlineNanos();
        if (deadline != 0 && System.nanoTime() - deadline > -DEADLINE_SLACK_NANOS) {
            // The client's clock for the same deadline started first: its reset is the deadline.
            fail(new StatusException(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded (the client reset the stream at its deadline)"));
            return;
        }
        String how = errorCode == Http2Error.CANCEL.code() ? "" : " (RST_STREAM " + errorName(errorCode) + ")";
        fail(new StatusException(StatusCode.CANCELLED, "cancelled by the client" + how));
    }

    @Override
    void onConnectionClosed() {
        fail(new StatusException(StatusCode.CANCELLED, "the client closed the connection"));
    }

    @Override
    void onStreamClosed() {
        super.onStreamClosed();
        if (!ended) { // the usual case: the call ended first, and needs no exception built
            fail(new StatusException(StatusCode.CANCELLED, "the stream was closed"));
        }
    }

    @Override
    void onDeadline() {
        abort(new StatusException(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded"));
    }

    @Override
    void onEnded() {
        deframer.release();
        maybeAccount();
    }

    /** The transport counts the call finished once it is over on the wire and its handler returned. */
    private void maybeAccount() {
        if (!accounted && ended && (!dispatched || handlerDone)) {
            accounted = true;
            server.server.callFinished();
        }
    }

    static String errorName(long code) {
        Http2Error e = Http2Error.valueOf(code);
        return e != null ? e.name() : "0x" + Long.toHexString(code);
    }

    // ------------------------------------------------------------------ the engine's answer

    private final ReplySink sink = new ReplySink() {
        @Override
        public void reply(RemoteMessage reply) {
            if (!sinkUsed.compareAndSet(false, true)) {
                throw new IllegalStateException("reply sink used twice for " + request);
            }
            ByteBuf encoded = null;
            StatusException encodeError = null;
            if (reply.messageType() == MessageType.REPLY && !streaming && reply.error() == null) {
                try {
                    encoded = GrpcCodec.encodeBare(alloc, payloadCodec, outCodec, reply.body());
                } catch (RuntimeException e) {
                    log.error("failed to encode the reply to {}/{}", request.serviceName(), request.methodName(), e);
                    encodeError = new StatusException(StatusCode.INTERNAL, "failed to encode the reply: " + e.getMessage(), e);
                }
            }
            ByteBuf body = encoded;
            StatusException err = encodeError;
            onLoop(() -> onReply(reply, body, err), body);
        }

        @Override
        public void done() {
            if (!sinkUsed.compareAndSet(false, true)) {
                throw new IllegalStateException("reply sink used twice for " + request);
            }
            onLoop(() -> onReply(null, null, null), null);
        }

        private void onLoop(Runnable task, ByteBuf toRelease) {
            if (loop.inEventLoop()) {
                task.run();
                return;
            }
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                // The server was shut down after its exit wait while the handler still ran.
                log.debug("dropping the reply to {}/{}: server already shut down", request.serviceName(), request.methodName());
                if (toRelease != null) {
                    toRelease.release();
                }
                if (!accounted) {
                    accounted = true; // the event loop is gone: nothing else touches this any more
                    server.server.callFinished();
                }
            }
        }
    };

    private void onReply(RemoteMessage reply, ByteBuf encoded, StatusException encodeError) {
        handlerDone = true;
        runOutbound(); // sends the handler made before it returned go out before the status
        try {
            if (ended) {
                if (encoded != null) {
                    encoded.release();
                }
                log.debug("dropping the reply to {}/{}: the call already ended", request.serviceName(), request.methodName());
                return;
            }
            if (reply == null) {
                writeStatus(GrpcStatus.OK, callHeaders, null); // oneway: nothing but OK
                finish(null);
                return;
            }
            CallHeaders ch = reply.callHeaders() != null ? reply.callHeaders() : callHeaders;
            Map<String, String> extra = reply.hasStrInfo() ? reply.strInfo() : null;
            if (encodeError != null) {
                fail(encodeError);
                writeStatus(GrpcStatus.of(encodeError), ch, extra);
                return;
            }
            if (encoded != null) {
                sendHeaders(ch);
                ByteBuf bare = encoded;
                encoded = null; // frame() owns it from here, whether it succeeds or throws
                ByteBuf frame = GrpcCodec.frame(alloc, bare, compressOutbound());
                sentBytes += frame.readableBytes();
                if (reply.rpcInfo() != null) {
                    reply.rpcInfo().stats().setSendSize((int) Math.min(Integer.MAX_VALUE, sentBytes));
                }
                handler.encoder().writeData(handler.ctx, id, frame, 0, false, handler.ctx.newPromise());
                writeStatus(GrpcStatus.OK, ch, extra);
                finish(null);
                return;
            }
            GrpcStatus st = statusOf(reply, request);
            writeStatus(st, ch, extra);
            finish(st.isOk() ? null : st.toException());
        } catch (RuntimeException e) {
            log.error("failed to answer {}/{}", request.serviceName(), request.methodName(), e);
            if (encoded != null) {
                encoded.release(); // not handed to frame() yet
            }
            abort(new StatusException(StatusCode.INTERNAL, "failed to write the reply: " + e.getMessage(), e));
        } finally {
            maybeAccount();
        }
    }

    /**
     * The status of a reply without a message (§4): OK; a business error → 13 with its message
     * (its {@code biz-*} keys ride in the trailers); a failure → the mapped status.
     */
    static GrpcStatus statusOf(RemoteMessage reply, RemoteMessage request) {
        Throwable err = reply.error();
        if (reply.messageType() != MessageType.EXCEPTION) {
            if (err == null) {
                return GrpcStatus.OK;
            }
            if (err instanceof BizStatusException) {
                return GrpcStatus.of(StatusCode.INTERNAL, ((BizStatusException) err).statusMessage());
            }
        }
        boolean raw = err != null;
        if (err == null && reply.body() instanceof Throwable) {
            err = (Throwable) reply.body();
        }
        return ofFailure(err, raw, request.serviceName() + "." + request.methodName());
    }

    /**
     * A handler failure as a gRPC status: a {@link StatusException} as it is; unknown
     * method/service → UNIMPLEMENTED; other framework errors → their {@link StatusCode#of} with
     * their message; anything else → INTERNAL {@code "<message> [biz error]"} (Kitex), an
     * {@link Error} → INTERNAL {@code "panic: …"}. {@code raw} is false when {@code err} is the
     * engine's already formatted Thrift exception.
     */
    static GrpcStatus ofFailure(Throwable err, boolean raw, String method) {
        while (err instanceof CompletionException && err.getCause() != null) {
            err = err.getCause();
        }
        if (err == null) {
            return GrpcStatus.of(StatusCode.INTERNAL, "the call failed");
        }
        if (err instanceof StatusException) {
            return GrpcStatus.of((StatusException) err);
        }
        if (err instanceof ApplicationException) {
            ApplicationException ae = (ApplicationException) err;
            if (ae.typeId() == ApplicationException.UNKNOWN_METHOD || ae.typeId() == ApplicationException.UNKNOWN_SERVICE) {
                return GrpcStatus.of(StatusCode.UNIMPLEMENTED, ae.getMessage());
            }
            if (!raw || ae instanceof DefaultServer.FrameworkError) {
                return GrpcStatus.of(StatusCode.INTERNAL, ae.getMessage());
            }
            return GrpcStatus.of(StatusCode.INTERNAL, ae.getMessage() + " [biz error]");
        }
        if (err instanceof RpcException) {
            return GrpcStatus.of(StatusCode.of(err), err.getMessage());
        }
        if (err instanceof Error) {
            return GrpcStatus.of(StatusCode.INTERNAL, "panic: [happened in biz handler, method=" + method + "] " + err);
        }
        String m = err.getMessage();
        return GrpcStatus.of(StatusCode.INTERNAL, (m != null ? m : err.getClass().getName()) + " [biz error]");
    }
}
