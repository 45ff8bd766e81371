/**
 * Implementation of the IDL loader: diagnostics collection and "did you mean" suggestions.
 * The work is split into {@link io.kitex4j.codegen.thrift.internal.parser} (text to syntax
 * tree), {@link io.kitex4j.codegen.thrift.internal.resolve} (files, includes and names to model)
 * and {@link io.kitex4j.codegen.thrift.internal.check} (semantic checks on the model).
 *
 * <p><b>Not public API.</b> These types may change in any release; use
 * {@link io.kitex4j.codegen.thrift.ThriftIdlLoader}.
 */
package io.kitex4j.codegen.thrift.internal;
