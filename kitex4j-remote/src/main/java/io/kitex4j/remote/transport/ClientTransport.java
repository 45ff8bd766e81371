package io.kitex4j.remote.transport;

import io.kitex4j.remote.RemoteMessage;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests to an address and receives replies, owning connections and their pool.
 * Thread-safe; one instance serves a whole client.
 */
public interface ClientTransport extends AutoCloseable {

    /**
     * Encodes and sends {@code request} (its {@link RemoteMessage#transport()} and
     * {@link RemoteMessage#payloadProtocol()} say how) to {@code address}, using the timeouts of
     * its rpcinfo config. Completes with the decoded reply, or with {@code null} once a oneway
     * request has been written.
     *
     * <p>Failures: {@link io.kitex4j.errors.ConnectionException} when no connection can be had,
     * {@link io.kitex4j.errors.RemoteOrNetworkException} when the connection fails or the reply is
     * malformed. If the caller completes the returned future first (a timeout, a cancel), the
     * connection is closed, never reused with a reply pending.
     */
    CompletableFuture<RemoteMessage> send(RemoteMessage request, InetSocketAddress address);

    /**
     * Opens a streaming call (gRPC) to {@code address}: sends the request headers of
     * {@code request} (method, service, {@link RemoteMessage#strInfo()} as metadata, deadline,
     * compressor) and completes with the {@link io.kitex4j.streaming.Stream} once the call is
     * open; messages are then sent and received through the stream, encoded with the method's
     * codecs. The stream's receive completes with {@code null} after an OK status, or fails
     * with the mapped status; response headers and trailers go to
     * {@link RemoteMessage#callHeaders()}. Transports without streams fail the future.
     */
    default CompletableFuture<io.kitex4j.streaming.Stream> openStream(RemoteMessage request, InetSocketAddress address) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "transport " + getClass().getSimpleName() + " does not support streaming calls"));
    }

    /** Closes pooled connections and releases threads. Calls in flight fail. */
    @Override
    void close();
}
