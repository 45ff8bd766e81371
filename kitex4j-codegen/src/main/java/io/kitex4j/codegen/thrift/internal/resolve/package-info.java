/**
 * Resolution: {@link io.kitex4j.codegen.thrift.internal.resolve.SourceGraph} reads the files
 * reachable through includes (relative first, then include directories; cycles and missing
 * files reported) and {@link io.kitex4j.codegen.thrift.internal.resolve.ProgramResolver} builds
 * each file's model, included files first, reporting unknown names and typedef/constant cycles.
 *
 * <p><b>Not public API.</b>
 */
package io.kitex4j.codegen.thrift.internal.resolve;
