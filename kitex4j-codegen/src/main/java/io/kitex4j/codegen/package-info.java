/**
 * The Kitex4j code generator. Entry point: {@link io.kitex4j.codegen.ThriftCompiler}; the IDL
 * model is in {@code io.kitex4j.codegen.thrift.model}; plugins in {@code io.kitex4j.codegen.plugin}.
 */
package io.kitex4j.codegen;
