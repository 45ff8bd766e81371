package io.kitex4j.streaming;

import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RpcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on stream futures from blocking code. */
final class Blocking {
    private Blocking() {}

    /** Waits; rethrows the failure itself; interruption cancels the call and keeps the flag. */
    static <T> T await(CompletableFuture<T> f, Stream stream) {
        return await(f, stream == null ? null : stream::cancel);
    }

    /** Waits; rethrows the failure itself; interruption calls {@code canceller} and keeps the flag. */
    static <T> T await(CompletableFuture<T> f, java.util.function.Consumer<Throwable> canceller) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RpcException cancelled = new RpcException(ErrorKind.STREAMING_CANCELED, "interrupted", e);
            if (canceller != null) {
                canceller.accept(cancelled);
            }
            throw cancelled;
        }
    }

    static RuntimeException rethrow(Throwable cause) {
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new InternalException(String.valueOf(cause), cause);
    }
}
