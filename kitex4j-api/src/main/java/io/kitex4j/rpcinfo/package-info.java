/**
 * Per-call information, as Kitex's {@code rpcinfo}: {@link io.kitex4j.rpcinfo.RpcInfo} with the
 * caller and callee {@link io.kitex4j.rpcinfo.EndpointInfo}, the
 * {@link io.kitex4j.rpcinfo.Invocation}, the effective {@link io.kitex4j.rpcinfo.RpcConfig} and
 * the {@link io.kitex4j.rpcinfo.RpcStats}.
 */
package io.kitex4j.rpcinfo;
