package io.kitex4j.loopback;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.streaming.Stream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory streaming call: a client-side and a server-side {@link Stream} connected by two
 * bounded {@link Pipe}s. The server's final reply ends it (OK, or an error status after the
 * messages already sent); a cancel from either side ends it at once.
 */
public final class LoopbackCall {
    private final Pipe toServer;
    private final Pipe toClient;
    private final CallHeaders clientHeaders;
    private final CompletableFuture<Void> serverDone = new CompletableFuture<>();
    private final CompletableFuture<Void> clientDone = new CompletableFuture<>();
    private final AtomicInteger clientCancels = new AtomicInteger();
    private final AtomicInteger serverCancels = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();
    private volatile Throwable clientCancelCause;
    private volatile Throwable status;
    private volatile RemoteMessage serverRequest;
    private final RemoteMessage clientRequest;
    private boolean ended;
    /** Set (before the pipes are aborted) when a side cancelled: every later operation of that side fails with it. */
    private volatile Throwable clientSideFailure;
    private volatile Throwable serverSideFailure;

    final Stream clientSide = new ClientSide();
    final Stream serverSide = new ServerSide();

    LoopbackCall(int capacity, RemoteMessage clientRequest) {
        this.toServer = new Pipe(capacity);
        this.toClient = new Pipe(capacity);
        this.clientRequest = clientRequest;
        this.clientHeaders = clientRequest.callHeaders();
        toClient.drained.whenComplete((v, err) -> {
            if (err != null) {
                clientDone.completeExceptionally(err);
            } else {
                clientDone.complete(null);
            }
        });
    }

    void serverRequest(RemoteMessage request) {
        this.serverRequest = request;
    }

    /** The request as the client engine handed it to the transport. */
    public RemoteMessage clientRequest() {
        return clientRequest;
    }

    /** Test cleanup: ends a call that is still open (as a server-side cancel). */
    public void abort() {
        cancelByServer(new StatusException(StatusCode.ABORTED, "test cleanup"));
    }

    /** The request as the server engine saw it. */
    public RemoteMessage serverRequest() {
        return serverRequest;
    }

    /** How many times the client side was cancelled (before the call ended). */
    public int clientCancels() {
        return clientCancels.get();
    }

    public int serverCancels() {
        return serverCancels.get();
    }

    /** The cause passed to the client-side cancel, or null. */
    public Throwable clientCancelCause() {
        return clientCancelCause;
    }

    /** Completes when the server side ended: normally with its reply, exceptionally when cancelled. */
    public CompletableFuture<Void> serverDone() {
        return serverDone;
    }

    /** The status error the server's reply carried (null for OK or before the reply). */
    public Throwable status() {
        return status;
    }

    /** How many replies the server engine sent for this call (exactly one expected). */
    public int replies() {
        return replies.get();
    }

    /** The server engine's final reply: carries trailers to the client and ends the call. */
    void end(RemoteMessage reply) {
        replies.incrementAndGet();
        Throwable err = LoopbackClientTransport.statusOf(reply);
        synchronized (this) {
            if (ended) {
                serverDone.complete(null);
                return;
            }
            ended = true;
        }
        status = err;
        if (clientHeaders != null) {
            CallHeaders server = reply.callHeaders();
            if (server != null) {
                server.responseHeaders().forEach((k, v) -> clientHeaders.putRawResponse(k, v, false));
                server.responseTrailers().forEach((k, v) -> clientHeaders.putRawResponse(k, v, true));
            }
            if (reply.hasStrInfo()) {
                for (Map.Entry<String, String> e : reply.strInfo().entrySet()) {
                    clientHeaders.putRawResponse(e.getKey(), e.getValue(), true);
                }
            }
        }
        serverDone.complete(null);
        toServer.readerGone(err);
        toClient.end(err);
    }

    private void cancelByClient(Throwable cause) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        clientCancels.incrementAndGet();
        clientCancelCause = cause;
        StatusException cancelled = new StatusException(StatusCode.CANCELLED, "cancelled by the client", cause);
        clientSideFailure = cause;
        serverSideFailure = cancelled;
        toClient.abort(cause);
        toServer.abort(cancelled);
        serverDone.completeExceptionally(cancelled);
    }

    private void cancelByServer(Throwable cause) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        serverCancels.incrementAndGet();
        StatusException cancelled = new StatusException(StatusCode.CANCELLED, "cancelled by the server", cause);
        clientSideFailure = cancelled;
        serverSideFailure = cause;
        toClient.abort(cancelled);
        toServer.abort(cause);
        serverDone.completeExceptionally(cause);
    }

    private final class ClientSide implements Stream {
        @Override
        public CompletableFuture<Void> send(Object message) {
            Throwable failed = clientSideFailure;
            return failed != null ? CompletableFuture.failedFuture(failed) : toServer.offer(message);
        }

        @Override
        public CompletableFuture<Object> receive() {
            Throwable failed = clientSideFailure;
            return failed != null ? CompletableFuture.failedFuture(failed) : toClient.take();
        }

        @Override
        public CompletableFuture<Void> closeSend() {
            toServer.end(null);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel(Throwable cause) {
            cancelByClient(cause);
        }

        @Override
        public boolean isReady() {
            return toServer.isReady();
        }

        @Override
        public CompletableFuture<Void> done() {
            return clientDone;
        }
    }

    private final class ServerSide implements Stream {
        @Override
        public CompletableFuture<Void> send(Object message) {
            Throwable failed = serverSideFailure;
            return failed != null ? CompletableFuture.failedFuture(failed) : toClient.offer(message);
        }

        @Override
        public CompletableFuture<Object> receive() {
            Throwable failed = serverSideFailure;
            return failed != null ? CompletableFuture.failedFuture(failed) : toServer.take();
        }

        @Override
        public CompletableFuture<Void> closeSend() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel(Throwable cause) {
            cancelByServer(cause);
        }

        @Override
        public boolean isReady() {
            return toClient.isReady();
        }

        @Override
        public CompletableFuture<Void> done() {
            return serverDone;
        }
    }
}
