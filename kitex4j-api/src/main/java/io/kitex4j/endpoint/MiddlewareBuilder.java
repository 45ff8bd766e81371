package io.kitex4j.endpoint;

/**
 * Builds a middleware once the client or server it belongs to is known (Kitex's
 * {@code MiddlewareBuilder}): for middlewares that need the target service name or the side.
 */
@FunctionalInterface
public interface MiddlewareBuilder {
    Middleware build(MiddlewareContext context);
}
