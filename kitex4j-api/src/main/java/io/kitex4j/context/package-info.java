/**
 * Call context: {@link io.kitex4j.context.RpcContext} (current call, attributes, backward values)
 * and {@link io.kitex4j.context.Metainfo} (transient, upstream and persistent values with Kitex's
 * propagation rules).
 */
package io.kitex4j.context;
