/**
 * Semantic checks on the built model, entry point
 * {@link io.kitex4j.codegen.thrift.internal.check.SemanticChecker}: fields, enums, services,
 * constant values against their types, map key types.
 *
 * <p><b>Not public API.</b>
 */
package io.kitex4j.codegen.thrift.internal.check;
