/**
 * gRPC over HTTP/2 on Netty's HTTP/2 codec (§4 of the wire fact sheet): the server handler that
 * the protocol detection hands an HTTP/2 connection to, the client connections and their pool,
 * the per-call {@link io.kitex4j.streaming.Stream} with real flow control, message framing, gzip,
 * and the status, metadata and timeout codecs. Internal: not public API.
 */
package io.kitex4j.transport.netty.internal.grpc;
