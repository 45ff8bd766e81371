/**
 * The remote layer: the {@link io.kitex4j.remote.RemoteMessage} between engines and transports,
 * the {@link io.kitex4j.remote.PayloadCodec} SPI, {@link io.kitex4j.remote.MetaHandler}s, and the
 * transport SPI in {@link io.kitex4j.remote.transport}. An extension surface: applications use
 * {@code io.kitex4j.client} and {@code io.kitex4j.server}.
 */
package io.kitex4j.remote;
