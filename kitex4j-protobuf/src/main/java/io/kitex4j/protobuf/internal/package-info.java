/**
 * Implementation of the protobuf runtime: {@link io.kitex4j.protobuf.internal.ByteBufCoding}, protobuf's
 * coded streams over Netty buffers without intermediate copies.
 *
 * <p><b>Not public API.</b> These types are used by other Kitex4j modules and may change or
 * disappear in any release; applications should program against {@link io.kitex4j.protobuf}.
 */
package io.kitex4j.protobuf.internal;
