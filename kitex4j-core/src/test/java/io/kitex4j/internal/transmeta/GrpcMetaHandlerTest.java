package io.kitex4j.internal.transmeta;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.Metainfo;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrpcMetaHandlerTest {

    private static DefaultRpcInfo info(RpcInfo.Side side, String fromService, String fromMethod) {
        return new DefaultRpcInfo(side, new MutableEndpointInfo(fromService, fromMethod),
                new MutableEndpointInfo("Streams", "Chat"), new MutableInvocation("test.v1", "Streams", "Chat"),
                new MutableRpcConfig(), new MutableRpcStats(StatsLevel.DISABLED));
    }

    private static RemoteMessage clientRequest() {
        return new RemoteMessage(MessageType.CALL, "Chat", 1).transport(TransportProtocol.GRPC)
                .serviceName("Streams")
                .rpcInfo(info(RpcInfo.Side.CLIENT, "caller", "CallerMethod"))
                .metainfo(Metainfo.EMPTY.withValue("Transient_Key", "tv").withPersistentValue("Persist_Key", "pv"))
                .callHeaders(new CallHeaders().add("X-User", "alice").addBinary("blob-bin", new byte[] {1, 2}));
    }

    /** What a server transport hands the engine: the request's metadata as string keys, a fresh CallHeaders. */
    private static RemoteMessage serverRequest(Map<String, String> metadata) {
        return new RemoteMessage(MessageType.CALL, "Chat", 1).transport(TransportProtocol.GRPC)
                .headers(new java.util.HashMap<>(), new LinkedHashMap<>(metadata))
                .rpcInfo(info(RpcInfo.Side.SERVER, "", ""))
                .callHeaders(new CallHeaders());
    }

    @Test
    void clientWritesMetainfoCallerCalleeAndCallHeaders() {
        RemoteMessage msg = clientRequest();
        GrpcMetaHandler.writeRequest(msg);
        assertThat(msg.strInfo()).containsOnly(
                Map.entry("rpc-transit-transient-key", "tv"),
                Map.entry("rpc-persist-persist-key", "pv"),
                Map.entry("source-service", "caller"),
                Map.entry("source-method", "CallerMethod"),
                Map.entry("destination-service", "Streams"),
                Map.entry("destination-method", "Chat"),
                Map.entry("x-user", "alice"),
                Map.entry("blob-bin", "AQI"));
        assertThat(msg.hasIntInfo()).isFalse();
    }

    @Test
    void clientWritesNothingForOtherTransports() {
        RemoteMessage msg = clientRequest().transport(TransportProtocol.TTHEADER_FRAMED);
        GrpcMetaHandler.writeRequest(msg);
        assertThat(msg.hasStrInfo()).isFalse();
    }

    @Test
    void transientAndPersistentKeysRoundTripUpperCasedWithUnderscores() {
        RemoteMessage out = clientRequest();
        GrpcMetaHandler.writeRequest(out);
        RemoteMessage in = serverRequest(out.strInfo());
        GrpcMetaHandler.readRequest(in);
        // the key case is lost on the way, as in Kitex: Transient_Key → rpc-transit-transient-key → TRANSIENT_KEY
        assertThat(in.metainfo().transientValues()).containsOnly(Map.entry("TRANSIENT_KEY", "tv"));
        assertThat(in.metainfo().persistentValues()).containsOnly(Map.entry("PERSIST_KEY", "pv"));
        assertThat(in.metainfo().upstreamValues()).isEmpty();
        Metainfo inHandler = in.metainfo().transferForward();
        assertThat(inHandler.value("TRANSIENT_KEY")).isEqualTo("tv");
        assertThat(inHandler.persistentValue("PERSIST_KEY")).isEqualTo("pv");
        assertThat(inHandler.transientValues()).isEmpty();
    }

    @Test
    void serverReadsTheCallerNamesFromSourceKeys() {
        RemoteMessage in = serverRequest(Map.of("source-service", "caller", "source-method", "CallerMethod",
                "destination-service", "Streams", "destination-method", "Chat"));
        GrpcMetaHandler.readRequest(in);
        assertThat(in.rpcInfo().from().serviceName()).isEqualTo("caller");
        assertThat(in.rpcInfo().from().method()).isEqualTo("CallerMethod");
        assertThat(in.rpcInfo().to().serviceName()).isEqualTo("Streams");
        assertThat(in.rpcInfo().to().method()).isEqualTo("Chat");
        assertThat(in.metainfo()).isSameAs(Metainfo.EMPTY);
    }

    @Test
    void serverCopiesTheRequestMetadataIntoTheCallHeaders() {
        RemoteMessage out = clientRequest();
        GrpcMetaHandler.writeRequest(out);
        RemoteMessage in = serverRequest(out.strInfo());
        GrpcMetaHandler.readRequest(in);
        CallHeaders h = in.callHeaders();
        assertThat(h.get("x-user")).isEqualTo("alice");
        assertThat(h.getBinary("blob-bin")).containsExactly(1, 2);
    }

    @Test
    void callHeadersDoNotListTheMetainfoKeys() {
        // CallHeaders: "Metainfo travels separately (rpc-transit-* / rpc-persist-*) and is not listed here."
        RemoteMessage out = clientRequest();
        GrpcMetaHandler.writeRequest(out);
        RemoteMessage in = serverRequest(out.strInfo());
        GrpcMetaHandler.readRequest(in);
        assertThat(in.callHeaders().request().keySet())
                .noneMatch(k -> k.startsWith("rpc-transit-") || k.startsWith("rpc-persist-"));
    }

    @Test
    void serverReadsNothingForOtherTransportsOrWithoutMetadata() {
        RemoteMessage tt = serverRequest(Map.of("rpc-transit-k", "v")).transport(TransportProtocol.TTHEADER);
        GrpcMetaHandler.readRequest(tt);
        assertThat(tt.metainfo()).isSameAs(Metainfo.EMPTY);
        assertThat(tt.callHeaders().request()).isEmpty();
        RemoteMessage empty = serverRequest(Map.of());
        GrpcMetaHandler.readRequest(empty);
        assertThat(empty.metainfo()).isSameAs(Metainfo.EMPTY);
        RemoteMessage noHeaders = serverRequest(Map.of("rpc-transit-k", "v")).callHeaders(null);
        GrpcMetaHandler.readRequest(noHeaders);
        assertThat(noHeaders.metainfo().transientValues()).containsOnly(Map.entry("K", "v"));
    }

    private static RemoteMessage reply(int type, Throwable error) {
        return new RemoteMessage(type, "Chat", 1).transport(TransportProtocol.GRPC).error(error);
    }

    @Test
    void replyWritesBizStatusTrailersOnlyForAReplyWithABizStatusException() {
        RemoteMessage biz = reply(MessageType.REPLY, new BizStatusException(1001, "insufficient", Map.of("k", "v")));
        GrpcMetaHandler.writeReply(biz);
        assertThat(biz.strInfo()).containsOnly(Map.entry("biz-status", "1001"), Map.entry("biz-extra", "{\"k\":\"v\"}"));

        RemoteMessage noExtra = reply(MessageType.REPLY, new BizStatusException(5, "m"));
        GrpcMetaHandler.writeReply(noExtra);
        assertThat(noExtra.strInfo()).containsOnly(Map.entry("biz-status", "5"));

        RemoteMessage ok = reply(MessageType.REPLY, null);
        GrpcMetaHandler.writeReply(ok);
        assertThat(ok.hasStrInfo()).isFalse();

        RemoteMessage exception = reply(MessageType.EXCEPTION, new BizStatusException(1, "m"));
        GrpcMetaHandler.writeReply(exception);
        assertThat(exception.hasStrInfo()).isFalse();

        RemoteMessage status = reply(MessageType.EXCEPTION, new StatusException(StatusCode.NOT_FOUND, "nf"));
        GrpcMetaHandler.writeReply(status);
        assertThat(status.hasStrInfo()).isFalse();

        RemoteMessage ttheader = reply(MessageType.REPLY, new BizStatusException(1, "m"))
                .transport(TransportProtocol.TTHEADER_FRAMED);
        GrpcMetaHandler.writeReply(ttheader);
        assertThat(ttheader.hasStrInfo()).isFalse();
    }

    @Test
    void bizStatusTrailerValuesArePrintableAscii() {
        // gRPC trailers that do not end in -bin carry printable ASCII only (CallHeaders refuses
        // anything else): a non-ASCII biz extra must be escaped in the biz-extra JSON.
        RemoteMessage biz = reply(MessageType.REPLY, new BizStatusException(1001, "m", Map.of("city", "\u5317\u4eac")));
        GrpcMetaHandler.writeReply(biz);
        String extra = biz.strInfo().get("biz-extra");
        assertThat(extra.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)).as("printable ASCII: %s", extra).isTrue();
        BizStatusException back = GrpcMetaHandler.bizStatus(biz.strInfo(), "m");
        assertThat(back.extra()).containsExactly(Map.entry("city", "\u5317\u4eac"));
    }

    @Test
    void bizStatusParsesTheTrailers() {
        BizStatusException biz = GrpcMetaHandler.bizStatus(Map.of("biz-status", "1001", "biz-extra", "{\"a\":\"1\",\"b\":\"2\"}"),
                "insufficient");
        assertThat(biz.statusCode()).isEqualTo(1001);
        assertThat(biz.statusMessage()).isEqualTo("insufficient");
        assertThat(biz.extra()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));

        assertThat(GrpcMetaHandler.bizStatus(Map.of(), "m")).isNull();
        assertThat(GrpcMetaHandler.bizStatus(Map.of("biz-status", "0"), "m")).as("code 0 is no error").isNull();
        assertThat(GrpcMetaHandler.bizStatus(Map.of("biz-status", "abc"), "m")).as("unparsable").isNull();
        assertThat(GrpcMetaHandler.bizStatus(Map.of("biz-status", " 42 "), null).statusMessage()).isEmpty();
        assertThat(GrpcMetaHandler.bizStatus(Map.of("biz-status", "-3"), "neg").statusCode()).isEqualTo(-3);
        BizStatusException badExtra = GrpcMetaHandler.bizStatus(Map.of("biz-status", "9", "biz-extra", "not json"), "m");
        assertThat(badExtra.extra()).containsOnly(Map.entry("biz-extra", "not json"));
    }

    @Test
    void bizStatusRoundTripsFromServerReplyToClient() {
        RemoteMessage serverReply = reply(MessageType.REPLY,
                new BizStatusException(77, "quota", Map.of("limit", "10", "quote\"d", "a\\b")));
        GrpcMetaHandler.writeReply(serverReply);
        BizStatusException back = GrpcMetaHandler.bizStatus(serverReply.strInfo(), "quota");
        assertThat(back.statusCode()).isEqualTo(77);
        assertThat(back.extra()).containsOnly(Map.entry("limit", "10"), Map.entry("quote\"d", "a\\b"));
    }

    @Test
    void clientReadReplyTurnsTheBizTrailerIntoTheReplysError() {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("biz-status", "3");
        trailers.put("grpc-message", "try later");
        RemoteMessage in = new RemoteMessage(MessageType.REPLY, "Echo", 1).transport(TransportProtocol.GRPC)
                .headers(new java.util.HashMap<>(), trailers);
        GrpcMetaHandler.readReply(in);
        assertThat(in.error()).isInstanceOf(BizStatusException.class);
        assertThat(((BizStatusException) in.error()).statusMessage()).isEqualTo("try later");
        assertThat(((BizStatusException) in.error()).statusCode()).isEqualTo(3);

        RemoteMessage exception = new RemoteMessage(MessageType.EXCEPTION, "Echo", 1).transport(TransportProtocol.GRPC)
                .headers(new java.util.HashMap<>(), new LinkedHashMap<>(trailers));
        GrpcMetaHandler.readReply(exception);
        assertThat(exception.error()).isNull();

        RemoteMessage tt = new RemoteMessage(MessageType.REPLY, "Echo", 1).transport(TransportProtocol.TTHEADER)
                .headers(new java.util.HashMap<>(), new LinkedHashMap<>(trailers));
        GrpcMetaHandler.readReply(tt);
        assertThat(tt.error()).isNull();

        RemoteMessage plain = new RemoteMessage(MessageType.REPLY, "Echo", 1).transport(TransportProtocol.GRPC);
        GrpcMetaHandler.readReply(plain);
        assertThat(plain.error()).isNull();
    }

    @Test
    void headerKeyMapping() {
        assertThat(GrpcMetaHandler.toHeaderKey("Transient_Key")).isEqualTo("transient-key");
        assertThat(GrpcMetaHandler.fromHeaderKey("transient-key")).isEqualTo("TRANSIENT_KEY");
    }
}
