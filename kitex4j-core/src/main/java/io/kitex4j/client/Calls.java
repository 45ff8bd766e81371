package io.kitex4j.client;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RemoteApplicationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for generated client stubs: waiting on a call and unwrapping its failure. */
public final class Calls {
    private Calls() {}

    /**
     * Waits for {@code call} and returns its result. The call's own failure is rethrown as is
     * (an {@link io.kitex4j.errors.RpcException}, a {@link io.kitex4j.errors.BizStatusException},
     * or another unchecked exception); a checked failure is wrapped in an
     * {@link InternalException}. Interruption cancels the wait and keeps the interrupt flag.
     */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.kitex4j.errors.RpcException(io.kitex4j.errors.ErrorKind.CANCELED_BY_BUSINESS, "interrupted", e);
        }
    }

    /** The exception to throw for a failed call: unchecked causes as they are. */
    public static RuntimeException rethrow(Throwable cause) {
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

    /** The error for a reply whose result has neither a success value nor a declared exception (Thrift's MISSING_RESULT). */
    public static RemoteApplicationException missingResult(String method) {
        return new RemoteApplicationException(ApplicationException.MISSING_RESULT, method + " failed: unknown result");
    }
}
