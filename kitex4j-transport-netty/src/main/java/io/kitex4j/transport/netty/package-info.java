/** The Netty transport. Entry point: {@link io.kitex4j.transport.netty.NettyTransportProvider} (found by {@link java.util.ServiceLoader}). */
package io.kitex4j.transport.netty;
