/**
 * Apache Thrift's cross test on Kitex4j: the ThriftTest server ({@link io.kitex4j.interop.thrift.ThriftTestServer},
 * {@code interop/bin/thrift-test-server}) and client ({@link io.kitex4j.interop.thrift.ThriftTestClient},
 * {@code interop/bin/thrift-test-client}) with the flags and behaviour of Apache's Java
 * {@code TestServer} / {@code TestClient}, on code that Kitex4j's generator makes from
 * {@code testdata/ThriftTest.thrift} (package {@code thrift.test}, by the kitex4j-maven-plugin).
 *
 * <p>Not public API: a test program, not a library.
 */
package io.kitex4j.interop.thrift;
