package io.kitex4j.interop.grpc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.testing.integration.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's interop programs and their dependencies stay out of the test JVM (the module's
 * classes of package {@code io.grpc.testing.integration} are ours, generated here; grpc-census and
 * friends would change the echo tests' grpc-java channels), and the class path they run on
 * elsewhere holds grpc-java's programs and transport but nothing of Kitex4j.
 */
class GrpcJavaProgramsRunOutOfProcessTest {

    @Test
    void grpcInteropTestingAndItsDependenciesAreNotOnTheTestClassPath() {
        for (String name : List.of(
                "io.grpc.testing.integration.TestServiceGrpc",       // grpc-interop-testing
                "io.grpc.testing.integration.TestServiceClient",
                "io.grpc.census.InternalCensusStatsAccessor",        // grpc-census
                "io.grpc.xds.XdsNameResolverProvider",               // grpc-xds
                "io.grpc.netty.NettyServerBuilder",                  // grpc-netty (unshaded)
                "io.grpc.okhttp.OkHttpChannelBuilder")) {            // grpc-okhttp
            assertThatThrownBy(() -> Class.forName(name, false, getClass().getClassLoader()))
                    .as(name).isInstanceOf(ClassNotFoundException.class);
        }
        // The messages are the ones this module generates.
        assertThat(Messages.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .doesNotContain("grpc-interop-testing");
    }

    @Test
    void grpcJavaProgramsClassPathHasTheProgramsAndTheirTransportButNoKitex4j() throws Exception {
        String cp = GrpcJavaInterop.classpath();
        assertThat(cp).contains("grpc-interop-testing-1.79.0.jar").contains("grpc-netty-1.79.0.jar")
                .doesNotContain("kitex4j").doesNotContain("target/classes").doesNotContain("junit-jupiter");
    }
}
