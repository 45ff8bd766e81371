/**
 * Implementation of the Thrift runtime: the binary and compact protocols over Netty buffers, the
 * message scanner that frames unframed Thrift, and the {@code TApplicationException} codec.
 *
 * <p><b>Not public API.</b> These types are used by other Kitex4j modules and may change or
 * disappear in any release; applications should program against {@link io.kitex4j.thrift}.
 */
package io.kitex4j.thrift.internal;
