/**
 * The Thrift IDL front end of the Kitex4j code generator: loads {@code .thrift} files into the
 * resolved, checked model of {@link io.kitex4j.codegen.thrift.model}.
 *
 * <p>Entry point: {@link io.kitex4j.codegen.thrift.ThriftIdlLoader}. Its
 * {@link io.kitex4j.codegen.thrift.ThriftIdlLoader#load load} returns a
 * {@link io.kitex4j.codegen.thrift.LoadResult} (the programs and the warnings) or throws
 * {@link io.kitex4j.codegen.thrift.IdlLoadException} carrying every
 * {@link io.kitex4j.codegen.thrift.Diagnostic}, sorted by file, line and column and printed as
 * {@code file:line:column: error: message}.
 *
 * <p>Policies, matching Apache Thrift 0.22 unless noted:
 * <ul>
 *   <li>Syntax: the grammar of https://thrift.apache.org/docs/idl, including the deprecated
 *       {@code senum} (loaded as a typedef of string), {@code slist} (string), {@code async}
 *       (oneway), {@code byte} (i8) and the xsd keywords (ignored). Only the first syntax error of
 *       a file is reported.
 *   <li>Errors: unknown or wrongly-kinded names (with a "did you mean"), missing includes,
 *       include cycles, duplicate definitions, field ids, field names, enum value names and
 *       function names (also across {@code extends}), field ids outside 1..32767, extending a
 *       non-service or an unknown service, inheritance cycles, oneway functions that return a
 *       value or throw, throws of non-exceptions, default values and constants that do not fit
 *       their type, constant and typedef cycles.
 *   <li>Warnings: fields without an id (they get -1, -2, ...), enum values sharing a number
 *       (the first declared wins when reading), required fields in unions, container or struct
 *       map keys, {@code optional} in argument lists, deprecated syntax, repeated namespaces and
 *       includes.
 * </ul>
 */
package io.kitex4j.codegen.thrift;
