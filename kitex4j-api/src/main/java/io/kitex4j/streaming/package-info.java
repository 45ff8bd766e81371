/**
 * Streaming calls: one model for client, server and bidirectional streams, sync and async.
 * {@link io.kitex4j.streaming.Stream} is the untyped stream that transports provide and stream
 * middleware decorates ({@link io.kitex4j.streaming.ForwardingStream}); handlers get a
 * {@link io.kitex4j.streaming.ServerStream}, callers a {@link io.kitex4j.streaming.ClientStream},
 * both {@link io.kitex4j.streaming.StreamReader} and {@link io.kitex4j.streaming.StreamWriter}
 * with blocking and future-returning methods. Back-pressure is visible: receives are pulled and
 * sends complete when the transport's flow-control window took the message.
 */
package io.kitex4j.streaming;
