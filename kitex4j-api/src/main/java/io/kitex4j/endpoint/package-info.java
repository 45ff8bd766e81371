/**
 * The one interception model for every protocol: {@link io.kitex4j.endpoint.Endpoint},
 * {@link io.kitex4j.endpoint.Middleware} and {@link io.kitex4j.endpoint.MiddlewareBuilder}.
 */
package io.kitex4j.endpoint;
