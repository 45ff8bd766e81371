/**
 * gRPC's interop test service on Kitex4j: the {@code grpc.testing.TestService} server
 * ({@link io.kitex4j.interop.grpc.testing.TestServiceServer}, {@code interop/bin/grpc-test-server})
 * and client ({@link io.kitex4j.interop.grpc.testing.TestServiceClient},
 * {@code interop/bin/grpc-test-client}) with the flags and test cases of gRPC's interop test
 * descriptions, on code generated from grpc-java's copies of {@code grpc/testing/*.proto}:
 * protoc's message classes (package {@code io.grpc.testing.integration}, as in grpc-java) and
 * Kitex4j's service stubs, both by the kitex4j-maven-plugin's {@code generate-proto} goal.
 *
 * <p>Not public API: a test program, not a library.
 */
package io.kitex4j.interop.grpc.testing;
