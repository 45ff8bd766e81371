package io.kitex4j.interop.grpc.testing;

import io.kitex4j.client.ClientBuilder;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.server.ServerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * The transport settings the interop programs need: the gRPC message size limit (grpc-java's
 * interop programs allow 16 MiB: {@code very_large_request} sends 10 MiB) and TLS, set through the
 * builders' {@code transportConfig(..)}.
 *
 * <p>Also the gRPC test credentials of the interop spec ({@code src/core/tsi/test_creds} of
 * grpc/grpc, as shipped in grpc-java's {@code grpc-testing} jar): {@code server1.pem} /
 * {@code server1.key} (a certificate for {@code *.test.google.fr}, ...) and {@code ca.pem}, the
 * CA that signed it.
 */
final class TransportSettings {
    /** grpc-java's {@code AbstractInteropTest.MAX_MESSAGE_SIZE}. */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    /** The host name in the test server certificate that clients check ({@code --server_host_override}). */
    static final String TEST_SERVER_HOST = "foo.test.google.fr";

    private TransportSettings() {}

    static ServerBuilder with(ServerBuilder b, Consumer<TransportConfig.Builder> settings) {
        return b.transportConfig(settings);
    }

    static ClientBuilder with(ClientBuilder b, Consumer<TransportConfig.Builder> settings) {
        return b.transportConfig(settings);
    }

    /** A copy of one of the bundled test credentials ({@code ca.pem}, {@code server1.pem}, {@code server1.key}) as a file. */
    static Path testCredential(String name) {
        try (InputStream in = TransportSettings.class.getResourceAsStream("certs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled test credential certs/" + name);
            }
            int dot = name.lastIndexOf('.');
            Path file = Files.createTempFile("grpc-interop-" + name.substring(0, dot) + "-", name.substring(dot));
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test credential " + name, e);
        }
    }
}
