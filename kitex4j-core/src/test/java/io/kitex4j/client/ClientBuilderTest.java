package io.kitex4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDescriptor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {
    private static final ServiceDescriptor SVC = ServiceDescriptor.builder("S", PayloadKind.THRIFT).build();

    @Test
    void defaultsAreKitexDefaults() {
        ClientOptions o = Client.builder(SVC).buildOptions();
        assertThat(o.transportProtocol()).isEqualTo(TransportProtocol.FRAMED);
        assertThat(o.rpcTimeout()).isEqualTo(Duration.ZERO);
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.transportConfig().maxIdlePerAddress()).isEqualTo(10);
        assertThat(o.transportConfig().maxIdleGlobal()).isEqualTo(100);
        assertThat(o.transportConfig().maxIdleTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.destService()).isEqualTo("S");
    }

    @Test
    void everyOptionIsRecordedForDiagnosisIncludingSuites() {
        ClientOptions o = Client.builder(SVC).rpcTimeout(Duration.ofSeconds(1))
                .suite(new ClientSuite() {
                    @Override
                    public String name() {
                        return "gov";
                    }

                    @Override
                    public void apply(ClientBuilder b) {
                        b.hostPorts("127.0.0.1:9");
                    }
                }).buildOptions();
        assertThat(o.debugInfo()).containsExactly("WithRPCTimeout(PT1S)", "WithSuite(gov)", "gov: WithHostPorts(127.0.0.1:9)");
    }

    @Test
    void longConnectionFollowsKitexRules() {
        ClientOptions o = Client.builder(SVC).longConnection(0, 0, Duration.ofMillis(10)).buildOptions();
        assertThat(o.transportConfig().maxIdlePerAddress()).isEqualTo(1);
        assertThat(o.transportConfig().maxIdleGlobal()).isEqualTo(1);
        assertThat(o.transportConfig().maxIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badConfigurationFailsClearly() {
        assertThatThrownBy(() -> Client.builder(SVC).hostPorts("nohost")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> Client.builder(SVC).hostPorts("h:99999")).hasMessageContaining("port out of range");
        assertThatThrownBy(() -> Client.builder(SVC).rpcTimeout(Duration.ofMillis(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> Client.builder(SVC).connectTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Client.builder(SVC).transportProtocol(TransportProtocol.TTHEADER_STREAMING)).hasMessageContaining("not supported");
    }

    @Test
    void hostPortsAcceptIpv6Brackets() {
        ClientOptions o = Client.builder(SVC).hostPorts("[::1]:8888").buildOptions();
        assertThat(o.addresses().get(0).getPort()).isEqualTo(8888);
        assertThat(o.addresses().get(0).getHostString()).isEqualTo("::1");
    }
}
