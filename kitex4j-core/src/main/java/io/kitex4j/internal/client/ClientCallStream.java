package io.kitex4j.internal.client;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.internal.common.Timers;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.internal.transmeta.GrpcMetaHandler;
import io.kitex4j.streaming.ForwardingStream;
import io.kitex4j.streaming.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;

/**
 * The client engine's view of a transport stream: enforces the call's deadline (cancelling the
 * stream and failing it with DEADLINE_EXCEEDED when it passes, as grpc-java does) and turns a
 * status that comes with a {@code biz-status} trailer into the {@link BizStatusException} it
 * stands for (§4).
 */
final class ClientCallStream extends ForwardingStream {
    private final CallHeaders headers;
    private final ScheduledFuture<?> deadlineTimer;
    private volatile Throwable localFailure;

    ClientCallStream(Stream transportStream, CallHeaders headers, long deadlineNanos, DefaultRpcInfo info) {
        super(transportStream);
        this.headers = headers;
        if (deadlineNanos != 0) {
            long timeoutMs = info.config().rpcTimeout().toMillis();
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            this.deadlineTimer = Timers.schedule(() -> {
                StatusException e = new StatusException(StatusCode.DEADLINE_EXCEEDED,
                        "deadline exceeded after " + timeoutMs + "ms (to=" + info.to().serviceName() + ", method="
                                + info.to().method() + ")");
                localFailure = e;
                transportStream.cancel(e);
            }, left);
            transportStream.done().whenComplete((v, err) -> deadlineTimer.cancel(false));
        } else {
            this.deadlineTimer = null;
        }
    }

    @Override
    public CompletableFuture<Void> send(Object message) {
        return map(super.send(message));
    }

    @Override
    public CompletableFuture<Object> receive() {
        return map(super.receive());
    }

    @Override
    public CompletableFuture<Void> closeSend() {
        return map(super.closeSend());
    }

    @Override
    public CompletableFuture<Void> done() {
        return map(super.done());
    }

    private <T> CompletableFuture<T> map(CompletableFuture<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, err) -> {
            if (err == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(translate(err));
            }
        });
        return out;
    }

    private Throwable translate(Throwable err) {
        while (err instanceof CompletionException && err.getCause() != null) {
            err = err.getCause();
        }
        Throwable local = localFailure;
        if (local != null) {
            return local;
        }
        if (err instanceof StatusException && headers != null) {
            BizStatusException biz = GrpcMetaHandler.bizStatus(headers.responseTrailers(),
                    ((StatusException) err).statusMessage());
            if (biz != null) {
                return biz;
            }
        }
        return err;
    }
}
