/**
 * The error model: {@link io.kitex4j.errors.RpcException} and its subclasses (one per Kitex
 * error category, {@link io.kitex4j.errors.ErrorKind}) for framework failures,
 * {@link io.kitex4j.errors.BizStatusException} for business status errors, and
 * {@link io.kitex4j.errors.ApplicationException} / {@link io.kitex4j.errors.RemoteApplicationException}
 * for protocol-level application errors (Thrift {@code TApplicationException}).
 */
package io.kitex4j.errors;
