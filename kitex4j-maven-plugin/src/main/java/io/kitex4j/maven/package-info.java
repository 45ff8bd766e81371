/**
 * The Kitex4j Maven plugin: goals {@code generate} ({@link io.kitex4j.maven.GenerateMojo}, phase
 * generate-sources) and {@code generate-test} ({@link io.kitex4j.maven.GenerateTestMojo}, phase
 * generate-test-sources) compile Thrift IDL to Java with {@link io.kitex4j.codegen.ThriftCompiler};
 * {@code generate-proto} ({@link io.kitex4j.maven.GenerateProtoMojo}, phase generate-sources) runs
 * protoc with the Kitex4j protoc plugin on .proto files.
 */
package io.kitex4j.maven;
