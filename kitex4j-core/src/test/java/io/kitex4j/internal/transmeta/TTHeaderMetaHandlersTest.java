package io.kitex4j.internal.transmeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.context.Metainfo;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.internal.rpcinfo.MutableEndpointInfo;
import io.kitex4j.internal.rpcinfo.MutableInvocation;
import io.kitex4j.internal.rpcinfo.MutableRpcConfig;
import io.kitex4j.internal.rpcinfo.MutableRpcStats;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.stats.StatsLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TTHeaderMetaHandlersTest {

    private static DefaultRpcInfo info(RpcInfo.Side side) {
        return new DefaultRpcInfo(side, new MutableEndpointInfo("echo-client", ""),
                new MutableEndpointInfo("EchoService", "echo"), new MutableInvocation("echo", "EchoService", "echo"),
                new MutableRpcConfig(), new MutableRpcStats(StatsLevel.DISABLED));
    }

    @Test
    void clientWritesExactlyKitexIntKeysWithoutExplicitTimeouts() {
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "echo", 1).transport(TransportProtocol.TTHEADER_FRAMED)
                .serviceName("EchoService").rpcInfo(info(RpcInfo.Side.CLIENT))
                .metainfo(Metainfo.EMPTY.withValue("Transient_Key", "tv").withPersistentValue("Persist_Key", "pv"));
        new ClientTTHeaderHandler(true).writeMeta(msg);
        assertThat(msg.intInfo()).containsOnly(Map.entry(1, "framed"), Map.entry(3, "echo-client"), Map.entry(20, ""),
                Map.entry(6, "EchoService"), Map.entry(9, "echo"), Map.entry(22, "1"));
        assertThat(msg.strInfo()).containsOnly(Map.entry("isn", "EchoService"),
                Map.entry("RPC_TRANSIT_Transient_Key", "tv"), Map.entry("RPC_PERSIST_Persist_Key", "pv"));
    }

    @Test
    void clientAddsTimeoutKeysOnlyWhenSetExplicitly() {
        DefaultRpcInfo info = info(RpcInfo.Side.CLIENT);
        info.config().setRpcTimeout(Duration.ofMillis(1500), true).setConnectTimeout(Duration.ofMillis(500), true);
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "echo", 1).transport(TransportProtocol.TTHEADER)
                .serviceName("EchoService").rpcInfo(info);
        new ClientTTHeaderHandler(true).writeMeta(msg);
        assertThat(msg.intInfo()).containsEntry(12, "1500").containsEntry(17, "500").containsEntry(1, "unframed");
    }

    @Test
    void clientWritesNothingOverFramed() {
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "echo", 1).transport(TransportProtocol.FRAMED)
                .serviceName("EchoService").rpcInfo(info(RpcInfo.Side.CLIENT)).metainfo(Metainfo.EMPTY.withValue("k", "v"));
        new ClientTTHeaderHandler(true).writeMeta(msg);
        assertThat(msg.hasIntInfo()).isFalse();
        assertThat(msg.hasStrInfo()).isFalse();
    }

    @Test
    void serverImportsOnlyPrefixedMetainfoAndTellsUpstreamFromTransient() {
        Map<String, String> strs = new LinkedHashMap<>();
        strs.put("RPC_TRANSIT_a", "1");
        strs.put("RPC_TRANSIT_UPSTREAM_b", "2");
        strs.put("RPC_PERSIST_c", "3");
        strs.put("isn", "EchoService");
        strs.put("other", "x");
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "echo", 1).transport(TransportProtocol.TTHEADER)
                .headers(Map.of(3, "caller", 20, "m", 12, "1500"), strs).rpcInfo(info(RpcInfo.Side.SERVER));
        new ServerTTHeaderHandler().readMeta(msg);
        assertThat(msg.metainfo().transientValues()).containsOnly(Map.entry("a", "1"));
        assertThat(msg.metainfo().upstreamValues()).containsOnly(Map.entry("b", "2"));
        assertThat(msg.metainfo().persistentValues()).containsOnly(Map.entry("c", "3"));
        assertThat(msg.rpcInfo().from().serviceName()).isEqualTo("caller");
        assertThat(msg.rpcInfo().from().method()).isEqualTo("m");
        assertThat(msg.rpcInfo().config().rpcTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void bizStatusRoundTripsThroughReplyKeys() {
        RemoteMessage reply = new RemoteMessage(MessageType.REPLY, "echo", 1).transport(TransportProtocol.TTHEADER_FRAMED)
                .error(new BizStatusException(404, "not found", Map.of("k", "v\"q")));
        new ServerTTHeaderHandler().writeReplyMeta(reply, true);
        assertThat(reply.strInfo()).containsEntry("biz-status", "404").containsEntry("biz-message", "not found")
                .containsEntry("biz-extra", "{\"k\":\"v\\\"q\"}").containsEntry("crrst", "1");
        assertThat(reply.intInfo()).containsOnly(Map.entry(22, "2"));

        RemoteMessage received = new RemoteMessage(MessageType.REPLY, "echo", 1).transport(TransportProtocol.TTHEADER_FRAMED)
                .headers(null, new LinkedHashMap<>(reply.strInfo()));
        new ClientTTHeaderHandler(true).readMeta(received);
        assertThat(received.error()).isInstanceOfSatisfying(BizStatusException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.statusMessage()).isEqualTo("not found");
            assertThat(e.extra()).containsOnly(Map.entry("k", "v\"q"));
        });
        assertThat(received.backward().asMap()).containsKeys("biz-status", "crrst");
    }

    @Test
    void zeroOrUnparsableBizStatusIsIgnoredAsInKitex() {
        assertThat(BizStatus.parse("0", "m", null)).isNull();
        assertThat(BizStatus.parse("abc", "m", null)).isNull();
        assertThat(BizStatus.parse("7", null, "not json").extra()).containsEntry("biz-extra", "not json");
    }

    @Test
    void jsonStringsRejectMalformedObjects() {
        assertThat(JsonStrings.read(" { \"a\" : \"\\u0041\\n\" , \"b\":\"\" } ")).containsOnly(Map.entry("a", "A\n"), Map.entry("b", ""));
        assertThatThrownBy(() -> JsonStrings.read("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonStrings.read("{\"a\":\"x\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonStrings.read("{} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
