/** Netty pipelines, frame detection, connection pool. Not public API. */
package io.kitex4j.transport.netty.internal;
