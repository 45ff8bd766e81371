/**
 * Transport SPI: {@link io.kitex4j.remote.transport.TransportProvider} creates
 * {@link io.kitex4j.remote.transport.ClientTransport}s and {@link io.kitex4j.remote.transport.ServerTransport}s;
 * the Netty module provides the default.
 */
package io.kitex4j.remote.transport;
