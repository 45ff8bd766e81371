package io.kitex4j.endpoint;

import java.util.List;

/**
 * Wraps an {@link Endpoint} with behaviour before and after it (Kitex's
 * {@code endpoint.Middleware}). Middlewares are composed once, when a client or server is built,
 * never per call.
 *
 * <pre>{@code
 * Middleware logging = next -> (ctx, req) -> {
 *     long start = System.nanoTime();
 *     return next.invoke(ctx, req).whenComplete((resp, err) -> log(ctx.rpcInfo(), System.nanoTime() - start, err));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {

    Endpoint wrap(Endpoint next);

    /** Composes middlewares so that the first in the list is the outermost. */
    static Endpoint chain(List<? extends Middleware> middlewares, Endpoint terminal) {
        Endpoint e = terminal;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            e = middlewares.get(i).wrap(e);
        }
        return e;
    }
}
