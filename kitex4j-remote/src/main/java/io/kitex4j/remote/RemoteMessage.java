package io.kitex4j.remote;

import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.Metainfo;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.MethodDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message between the engines and a transport (Kitex's {@code remote.Message}): its type,
 * method, sequence id and body, the framing it travels in, and the TTHeader key/values that
 * {@link MetaHandler}s fill in before encoding and read after decoding.
 *
 * <p>The body is the decoded message object (Thrift args or result struct), or for
 * {@link MessageType#EXCEPTION} an {@link io.kitex4j.errors.ApplicationException} (server side,
 * outgoing) or {@link io.kitex4j.errors.RemoteApplicationException} (client side, incoming).
 *
 * <p>Not thread-safe: owned by one side of one call at a time.
 */
public final class RemoteMessage {
    private int messageType;
    private String methodName;
    private int seqId;
    private Object body;
    private MethodDescriptor<?, ?> method;
    private String serviceName = "";
    private TransportProtocol transport;
    private PayloadProtocol payloadProtocol;
    private Map<Integer, String> intInfo;
    private Map<String, String> strInfo;
    private DefaultRpcInfo rpcInfo;
    private Metainfo metainfo = Metainfo.EMPTY;
    private BackwardValues backward;
    private int wireSize;
    private long deadlineNanos;
    private Throwable error;
    private java.net.InetSocketAddress remoteAddress;
    private java.net.InetSocketAddress localAddress;
    private CallHeaders callHeaders;
    private String compressor;

    public RemoteMessage(int messageType, String methodName, int seqId) {
        this.messageType = messageType;
        this.methodName = methodName;
        this.seqId = seqId;
    }

    public int messageType() {
        return messageType;
    }

    public RemoteMessage messageType(int messageType) {
        this.messageType = messageType;
        return this;
    }

    public String methodName() {
        return methodName;
    }

    public RemoteMessage methodName(String methodName) {
        this.methodName = methodName;
        return this;
    }

    public int seqId() {
        return seqId;
    }

    public RemoteMessage seqId(int seqId) {
        this.seqId = seqId;
        return this;
    }

    public Object body() {
        return body;
    }

    public RemoteMessage body(Object body) {
        this.body = body;
        return this;
    }

    /** The method descriptor whose codecs encode or decode the body; {@code null} for exceptions of unknown methods. */
    public MethodDescriptor<?, ?> method() {
        return method;
    }

    public RemoteMessage method(MethodDescriptor<?, ?> method) {
        this.method = method;
        return this;
    }

    /** The IDL service name the message is for (from {@code isn}, or the route); empty if unknown. */
    public String serviceName() {
        return serviceName;
    }

    public RemoteMessage serviceName(String serviceName) {
        this.serviceName = serviceName == null ? "" : serviceName;
        return this;
    }

    public TransportProtocol transport() {
        return transport;
    }

    public RemoteMessage transport(TransportProtocol transport) {
        this.transport = transport;
        return this;
    }

    public PayloadProtocol payloadProtocol() {
        return payloadProtocol;
    }

    public RemoteMessage payloadProtocol(PayloadProtocol payloadProtocol) {
        this.payloadProtocol = payloadProtocol;
        return this;
    }

    /** TTHeader integer keys; created on first use. */
    public Map<Integer, String> intInfo() {
        if (intInfo == null) {
            intInfo = new HashMap<>(8);
        }
        return intInfo;
    }

    /** TTHeader string keys; created on first use. */
    public Map<String, String> strInfo() {
        if (strInfo == null) {
            strInfo = new LinkedHashMap<>(8);
        }
        return strInfo;
    }

    public boolean hasIntInfo() {
        return intInfo != null && !intInfo.isEmpty();
    }

    public boolean hasStrInfo() {
        return strInfo != null && !strInfo.isEmpty();
    }

    /** Replaces both key maps (the decoder hands over what it read). */
    public RemoteMessage headers(Map<Integer, String> intInfo, Map<String, String> strInfo) {
        this.intInfo = intInfo;
        this.strInfo = strInfo;
        return this;
    }

    public DefaultRpcInfo rpcInfo() {
        return rpcInfo;
    }

    public RemoteMessage rpcInfo(DefaultRpcInfo rpcInfo) {
        this.rpcInfo = rpcInfo;
        return this;
    }

    /** Request metainfo: written by the client meta handler, read into it on the server. */
    public Metainfo metainfo() {
        return metainfo;
    }

    public RemoteMessage metainfo(Metainfo metainfo) {
        this.metainfo = metainfo;
        return this;
    }

    /** Backward values: sent by the server with a reply; received by the client. */
    public BackwardValues backward() {
        return backward;
    }

    public RemoteMessage backward(BackwardValues backward) {
        this.backward = backward;
        return this;
    }

    /** Bytes of the whole frame on the wire, once encoded or decoded. */
    public int wireSize() {
        return wireSize;
    }

    public RemoteMessage wireSize(int wireSize) {
        this.wireSize = wireSize;
        return this;
    }

    /** The {@link System#nanoTime()} by which the reply must arrive, or 0 for none. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    public RemoteMessage deadlineNanos(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        return this;
    }

    /**
     * An error that travels beside the body rather than as an exception message: the
     * {@link io.kitex4j.errors.BizStatusException} of a reply (written as {@code biz-*} keys by the
     * server, rebuilt from them by the client).
     */
    public Throwable error() {
        return error;
    }

    public RemoteMessage error(Throwable error) {
        this.error = error;
        return this;
    }

    /** The peer's address on the connection the message came in on (server side), or {@code null}. */
    public java.net.InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The local address of the connection the message came in on, or {@code null}. */
    public java.net.InetSocketAddress localAddress() {
        return localAddress;
    }

    public RemoteMessage addresses(java.net.InetSocketAddress remote, java.net.InetSocketAddress local) {
        this.remoteAddress = remote;
        this.localAddress = local;
        return this;
    }

    /**
     * gRPC: the call's custom headers. Server side the transport attaches an empty one to each
     * request (the gRPC meta handler fills it from {@link #strInfo()}) and reads the response
     * headers, trailers and compression choice from it when replying; client side the engine
     * attaches the caller's (or a fresh) one and the transport stores the response headers and
     * trailers in it. {@code null} for other transports.
     */
    public CallHeaders callHeaders() {
        return callHeaders;
    }

    public RemoteMessage callHeaders(CallHeaders callHeaders) {
        this.callHeaders = callHeaders;
        return this;
    }

    /** gRPC client requests: the message compressor to use ({@code "gzip"}), or {@code null} for none. */
    public String compressor() {
        return compressor;
    }

    public RemoteMessage compressor(String compressor) {
        this.compressor = compressor;
        return this;
    }

    @Override
    public String toString() {
        return "RemoteMessage{type=" + messageType + ", method=" + methodName + ", seq=" + seqId + ", transport="
                + transport + ", payload=" + payloadProtocol + '}';
    }
}
