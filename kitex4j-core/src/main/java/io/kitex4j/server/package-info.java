/**
 * The server API. Entry points: {@link io.kitex4j.server.Server#builder()} and
 * {@link io.kitex4j.server.ServerBuilder}.
 */
package io.kitex4j.server;
