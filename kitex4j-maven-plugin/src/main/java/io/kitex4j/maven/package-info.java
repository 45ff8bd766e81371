/**
 * The Kitex4j Maven plugin: goals {@code generate} ({@link io.kitex4j.maven.GenerateMojo}, phase
 * generate-sources) and {@code generate-test} ({@link io.kitex4j.maven.GenerateTestMojo}, phase
 * generate-test-sources) compile Thrift IDL to Java with {@link io.kitex4j.codegen.ThriftCompiler}.
 */
package io.kitex4j.maven;
