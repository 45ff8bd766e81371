/** Writable rpcinfo used by the framework's engines. Internal: not public API, may change in any release. */
package io.kitex4j.internal.rpcinfo;
