/** The server engine ({@link io.kitex4j.internal.server.DefaultServer}). Not public API. */
package io.kitex4j.internal.server;
