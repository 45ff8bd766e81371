package io.kitex4j.remote.transport;

import io.kitex4j.remote.RemoteMessage;

/** The server engine as a transport sees it. Implementations are thread-safe. */
public interface InboundDispatcher {

    /**
     * Resolves the service and method of a request whose header has been decoded (method name,
     * and {@code isn} in its string keys if present), setting {@link RemoteMessage#method(io.kitex4j.service.MethodDescriptor)}
     * and {@link RemoteMessage#serviceName(String)}. Throws
     * {@link io.kitex4j.errors.ApplicationException} (type 1 unknown method, 20 unknown service)
     * when there is no such method; the transport replies with it and closes the connection.
     */
    void route(RemoteMessage request);

    /**
     * Handles a decoded request. Exactly one {@link ReplySink#reply} follows for ping-pong calls
     * (on any thread), and one {@link ReplySink#done()} for oneway calls.
     */
    void dispatch(RemoteMessage request, ReplySink sink);

    /**
     * Handles a streaming request (a gRPC call of a streaming method): runs the server chain and
     * the method's stream handler over {@code stream}, whose messages the transport decodes and
     * encodes. When the handler has ended, exactly one {@link ReplySink#reply} follows with a
     * message that carries no body: {@link io.kitex4j.remote.MessageType#REPLY} for success, or
     * {@link io.kitex4j.remote.MessageType#EXCEPTION} with the failure in
     * {@link RemoteMessage#error()} (and its Thrift form in the body), plus the trailer keys in
     * {@link RemoteMessage#strInfo()}.
     */
    default void dispatchStream(RemoteMessage request, io.kitex4j.streaming.Stream stream, ReplySink sink) {
        throw new UnsupportedOperationException("this server does not handle streaming calls");
    }

    /** Whether the server is shutting down (replies then carry {@code crrst=1}). */
    boolean draining();
}
