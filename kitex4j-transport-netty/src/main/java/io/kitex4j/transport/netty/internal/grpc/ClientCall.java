package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.StreamBufferingEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One gRPC call on the client: request headers as Kitex sends them (§4: {@code :method},
 * {@code :scheme}, {@code :path}, {@code :authority} = the target service, content type,
 * {@code user-agent}, {@code te}, compression, {@code grpc-timeout}, then metadata), the response
 * headers and trailers into {@link CallHeaders}, and the status at the end.
 */
final class ClientCall extends GrpcStream {
    static final String USER_AGENT = "kitex4j/" + version();

    final GrpcClientConnection conn;
    final RemoteMessage request;
    private final boolean gzip;
    private boolean headersReceived;
    /** Every trailer (status and message decoded), for {@link RemoteMessage#strInfo()} of a unary reply. */
    final Map<String, String> trailers = new LinkedHashMap<>();
    /** The call ended with a status the server sent (not a local failure). */
    boolean statusFromPeer;
    /** The server never saw the call (GOAWAY or REFUSED_STREAM before any response): safe to retry. */
    boolean refused;

    ClientCall(GrpcClientConnection conn, RemoteMessage request, PayloadCodec codec, boolean gzip) {
        super(conn.handler, codec, request.method().responseCodec(), request.method().requestCodec(),
                request.callHeaders() != null ? request.callHeaders() : new CallHeaders());
        this.conn = conn;
        this.request = request;
        this.gzip = gzip;
    }

    private static String version() {
        Package p = ClientCall.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** The {@code :path}: {@code /<pkg>.<Service>/<Method>}, or {@code /<Service>/<Method>} without a package. */
    static String path(RemoteMessage request) {
        String pkg = request.rpcInfo() != null ? request.rpcInfo().invocation().packageName() : "";
        String svc = request.serviceName();
        return "/" + (pkg == null || pkg.isEmpty() ? "" : pkg + ".") + svc + "/" + request.methodName();
    }

    /** On the event loop: opens the stream and writes (and flushes) the request headers. False if the call already failed. */
    boolean start(boolean tls) {
        return start(tls, true);
    }

    /**
     * On the event loop: opens the stream and writes the request headers, flushing them when
     * {@code flush} (a unary call leaves that to its request message, which follows at once: one
     * flush per call). False if the call already failed.
     */
    boolean start(boolean tls, boolean flush) {
        long remaining = 0;
        if (request.deadlineNanos() != 0) {
            remaining = request.deadlineNanos() - System.nanoTime();
            if (remaining <= 0) {
                fail(new StatusException(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded before the call was sent"));
                return false;
            }
        }
        if (!conn.usable() || !handler.ctx.channel().isActive()) {
            refused = true;
            fail(new StatusException(StatusCode.UNAVAILABLE, "connection to " + conn.address + " is closing"));
            return false;
        }
        int streamId = ((GrpcClientHandler) handler).allocateStreamId();
        if (streamId < 0) {
            conn.draining = true;
            refused = true;
            fail(new StatusException(StatusCode.UNAVAILABLE, "stream ids of the connection to " + conn.address + " exhausted"));
            return false;
        }
        id = streamId;
        handler.streams.put(id, this);
        Http2Headers h = new DefaultHttp2Headers(false)
                .method(GrpcMetadata.POST)
                .scheme(tls ? "https" : "http")
                .path(path(request))
                .authority(authority());
        h.add(GrpcMetadata.CONTENT_TYPE, request.payloadProtocol() == PayloadProtocol.PROTOBUF
                ? GrpcMetadata.APPLICATION_GRPC : GrpcMetadata.APPLICATION_GRPC_THRIFT);
        h.add(GrpcMetadata.USER_AGENT, USER_AGENT);
        h.add(GrpcMetadata.TE, GrpcMetadata.TRAILERS);
        if (gzip) {
            h.add(GrpcMetadata.GRPC_ENCODING, GrpcMetadata.GZIP);
        }
        h.add(GrpcMetadata.GRPC_ACCEPT_ENCODING, GrpcMetadata.GZIP);
        if (remaining > 0) {
            h.add(GrpcMetadata.GRPC_TIMEOUT, GrpcTimeout.encode(remaining));
        }
        if (request.hasStrInfo()) {
            GrpcMetadata.addAll(h, request.strInfo(), GrpcMetadata.REQUEST_RESERVED);
        }
        ChannelPromise p = handler.ctx.newPromise();
        p.addListener(f -> {
            if (!f.isSuccess()) {
                if (f.cause() instanceof StreamBufferingEncoder.Http2GoAwayException) {
                    // GOAWAY came before the headers went out: the server never saw the call. The
                    // stream-buffering encoder fails the streams it holds before our handler hears
                    // of the GOAWAY, so mark the connection here too, or the retry would pick it again.
                    conn.draining = true;
                    refused = true;
                } else if (f.cause() instanceof io.netty.handler.codec.http2.Http2Exception && conn.draining) {
                    refused = true; // GOAWAY came before the headers went out
                }
                fail(new StatusException(StatusCode.UNAVAILABLE, "failed to send the request headers to " + conn.address
                        + ": " + f.cause(), f.cause()));
            } else {
                updateReady();
            }
        });
        handler.encoder().writeHeaders(handler.ctx, id, h, 0, false, p);
        if (flush) {
            handler.scheduleFlush();
        }
        if (remaining > 0 && !ended) {
            scheduleDeadline(request.deadlineNanos());
        }
        return !ended;
    }

    private String authority() {
        String dest = request.rpcInfo() != null ? request.rpcInfo().to().serviceName() : null;
        if (dest != null && !dest.isEmpty() && GrpcMetadata.sendable(dest.toLowerCase(java.util.Locale.ROOT))) {
            return dest; // Kitex sends the target service name
        }
        return conn.address.getHostString() + ":" + conn.address.getPort();
    }

    // ------------------------------------------------------------------ Stream (client side)

    @Override
    public CompletableFuture<Void> closeSend() {
        return halfClose();
    }

    @Override
    boolean compressOutbound() {
        // The call announced gzip in its headers; the caller may still send a message uncompressed.
        return gzip && (request.callHeaders() == null || request.callHeaders().compressRequests());
    }

    // ------------------------------------------------------------------ inbound

    void onHeaders(Http2Headers h, boolean endStream) {
        if (ended) {
            return;
        }
        if (!headersReceived) {
            headersReceived = true;
            if (endStream) {
                onStatus(h, true); // trailers-only
                return;
            }
            int http = httpStatus(h);
            CharSequence ct = h.get(GrpcMetadata.CONTENT_TYPE);
            if (http != 200 || !GrpcMetadata.isGrpcContentType(ct)) {
                StatusCode code = http == 200 ? StatusCode.UNKNOWN : GrpcStatus.fromHttpStatus(http);
                peerStatus(new StatusException(code, "HTTP status code " + http + "; invalid content-type: " + ct));
                resetStream(Http2Error.CANCEL);
                return;
            }
            String encoding = GrpcMetadata.get(h, GrpcMetadata.GRPC_ENCODING);
            if (encoding != null && !encoding.equals("identity")) {
                if (!encoding.equals("gzip")) {
                    abort(new StatusException(StatusCode.INTERNAL, "Can't find decompressor for " + encoding));
                    return;
                }
                inboundGzip = true;
            }
            for (Map.Entry<String, String> e : GrpcMetadata.custom(h, GrpcMetadata.RESPONSE_RESERVED).entrySet()) {
                callHeaders.putRawResponse(e.getKey(), e.getValue(), false);
            }
            return;
        }
        if (!endStream) {
            abort(new StatusException(StatusCode.INTERNAL, "received a second header block without END_STREAM"));
            return;
        }
        onStatus(h, false);
    }

    private static int httpStatus(Http2Headers h) {
        CharSequence s = h.status();
        if (s == null) {
            return -1;
        }
        try {
            return Integer.parseInt(s.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The trailers (or a trailers-only response): the call's status and trailing metadata. */
    private void onStatus(Http2Headers h, boolean trailersOnly) {
        StatusCode code = GrpcStatus.parseCode(GrpcMetadata.get(h, GrpcMetadata.GRPC_STATUS));
        String message = GrpcStatus.decodeMessage(GrpcMetadata.get(h, GrpcMetadata.GRPC_MESSAGE));
        if (code == null) {
            int http = httpStatus(h);
            if (trailersOnly && http != 200) {
                code = GrpcStatus.fromHttpStatus(http);
                message = "HTTP status code " + http + (message.isEmpty() ? "" : "; " + message);
            } else {
                code = StatusCode.UNKNOWN;
                message = "missing GRPC status in response";
            }
        }
        byte[] details = GrpcStatus.decodeBinary(GrpcMetadata.get(h, GrpcMetadata.GRPC_STATUS_DETAILS));
        trailers.put("grpc-status", Integer.toString(code.value()));
        trailers.put("grpc-message", message);
        for (Map.Entry<String, String> e : GrpcMetadata.custom(h, GrpcMetadata.RESPONSE_RESERVED).entrySet()) {
            callHeaders.putRawResponse(e.getKey(), e.getValue(), true);
            trailers.put(e.getKey(), e.getValue());
        }
        statusFromPeer = true;
        StatusException err = code == StatusCode.OK ? null : new StatusException(code, message, details, null);
        endInbound(err);
        finish(err);
        deliver();
        if (!outboundClosed) {
            resetStream(Http2Error.CANCEL); // the call is over; stop sending
        }
    }

    /** Ends the call with a status that stands for the server's answer (non-gRPC response). */
    private void peerStatus(StatusException e) {
        statusFromPeer = true;
        trailers.put("grpc-status", Integer.toString(e.code().value()));
        trailers.put("grpc-message", e.statusMessage());
        endInbound(e);
        finish(e);
        deliver();
    }

    @Override
    void onData(io.netty.buffer.ByteBuf data, boolean endStream) {
        if (!headersReceived && !ended) {
            handler.consumeBytes(id, data.readableBytes());
            abort(new StatusException(StatusCode.INTERNAL, "received DATA before the response headers"));
            return;
        }
        super.onData(data, false);
        if (endStream && !ended) {
            // END_STREAM on DATA: the server ended without trailers.
            peerStatus(new StatusException(StatusCode.INTERNAL, "the server ended the stream without a status"));
        }
    }

    // ------------------------------------------------------------------ ends

    @Override
    void abort(StatusException status) {
        if (fail(status)) {
            resetStream(Http2Error.CANCEL);
        }
    }

    @Override
    void onReset(long errorCode) {
        if (ended) {
            return;
        }
        if (errorCode == Http2Error.REFUSED_STREAM.code() && !headersReceived) {
            refused = true;
        }
        fail(new StatusException(GrpcStatus.fromRstCode(errorCode), "stream reset by the server with "
                + ServerCall.errorName(errorCode)));
    }

    @Override
    void onConnectionClosed() {
        if (!ended) {
            markRefusedByGoAway();
            String why = ((GrpcClientHandler) handler).goAwayReason;
            fail(new StatusException(StatusCode.UNAVAILABLE, "connection to " + conn.address + " closed"
                    + (why != null ? " (" + why + ")" : "")));
        }
    }

    @Override
    void onStreamClosed() {
        super.onStreamClosed();
        if (!ended) {
            markRefusedByGoAway();
            String why = ((GrpcClientHandler) handler).goAwayReason;
            fail(new StatusException(StatusCode.UNAVAILABLE, "stream closed by the connection to " + conn.address
                    + (why != null ? " (" + why + ")" : "")));
        }
    }

    private void markRefusedByGoAway() {
        if (!headersReceived && handler.connection().goAwayReceived()
                && id > handler.connection().local().lastStreamKnownByPeer()) {
            refused = true;
        }
    }

    @Override
    void onDeadline() {
        abort(new StatusException(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded (" + path(request) + ")"));
    }

    @Override
    void onEnded() {
        conn.release();
    }
}
