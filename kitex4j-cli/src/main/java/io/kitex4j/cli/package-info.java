/**
 * The {@code kitex4j} command line ({@link io.kitex4j.cli.Kitex4jCli}): {@code kitex4j thrift}
 * compiles Thrift IDL to Java with {@link io.kitex4j.codegen.ThriftCompiler}; {@code kitex4j proto}
 * runs protoc with the Kitex4j protoc plugin ({@code kitex4j-protoc-plugin}).
 */
package io.kitex4j.cli;
