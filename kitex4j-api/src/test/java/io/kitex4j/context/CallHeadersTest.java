package io.kitex4j.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"grpc-timeout", "GRPC-Status", "grpc-", ":path", ":authority", ""})
    void reservedAndEmptyKeysAreRefusedEverywhere(String key) {
        CallHeaders h = new CallHeaders();
        assertThatThrownBy(() -> h.add(key, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setHeader(key, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setTrailer(key, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.request()).isEmpty();
        assertThat(h.responseHeaders()).isEmpty();
        assertThat(h.responseTrailers()).isEmpty();
    }

    @Test
    void reservedKeysAreRefusedForBinaryValuesToo() {
        CallHeaders h = new CallHeaders();
        assertThatThrownBy(() -> h.addBinary("grpc-x-bin", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setBinaryTrailer(":x-bin", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a:b", "caf\u00e9", "tab\tkey", "k=v", "a,b", "a\u0000"})
    void illegalKeyCharactersAreRefused(String key) {
        assertThatThrownBy(() -> new CallHeaders().add(key, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("illegal character");
    }

    @Test
    void keysAreNormalisedToLowerCase() {
        CallHeaders h = new CallHeaders().add("X-User-ID", "42").add("trace_id.v2", "t");
        assertThat(h.request()).containsOnlyKeys("x-user-id", "trace_id.v2");
        assertThat(h.get("x-user-id")).isEqualTo("42");
        assertThat(h.get("X-USER-ID")).isEqualTo("42");
        h.setHeader("Resp-H", "1").setTrailer("Resp-T", "2");
        assertThat(h.responseHeaders()).containsOnlyKeys("resp-h");
        assertThat(h.responseHeader("RESP-H")).isEqualTo("1");
        assertThat(h.responseTrailer("resp-t")).isEqualTo("2");
        assertThat(h.get("absent")).isNull();
    }

    @Test
    void binRulesBinaryKeysEndInBinAndBinKeysTakeBinaryValues() {
        CallHeaders h = new CallHeaders();
        assertThatThrownBy(() -> h.add("token-bin", "AAEC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-bin");
        assertThatThrownBy(() -> h.addBinary("token", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-bin");
        assertThatThrownBy(() -> h.setHeader("h-bin", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setBinaryHeader("h", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setTrailer("t-BIN", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setBinaryTrailer("t", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.addBinary("t-bin", null)).isInstanceOf(NullPointerException.class);
        assertThat(h.request()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "\u4e2d\u6587", "line\nbreak", "nul\u0000", "del\u007f", "tab\there"})
    void nonPrintableAsciiValuesAreRefused(String value) {
        CallHeaders h = new CallHeaders();
        assertThatThrownBy(() -> h.add("k", value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-bin");
        assertThatThrownBy(() -> h.setHeader("k", value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.setTrailer("k", value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.request()).isEmpty();
    }

    @Test
    void printableAsciiValuesIncludingSpacesAreKept() {
        CallHeaders h = new CallHeaders().add("k", " a ~!@#$%^&*()_+{}|:\"<>? ");
        assertThat(h.get("k")).isEqualTo(" a ~!@#$%^&*()_+{}|:\"<>? ");
        assertThatThrownBy(() -> h.add("k2", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> h.add(null, "v")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void binaryValuesRoundTripAsUnpaddedBase64() {
        byte[] value = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
        CallHeaders h = new CallHeaders().addBinary("Blob-Bin", value);
        assertThat(h.request()).containsOnlyKeys("blob-bin");
        String wire = h.request().get("blob-bin");
        assertThat(wire).isEqualTo(Base64.getEncoder().withoutPadding().encodeToString(value)).doesNotContain("=");
        assertThat(h.getBinary("blob-bin")).containsExactly(value);

        h.setBinaryHeader("h-bin", new byte[] {7}).setBinaryTrailer("t-bin", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(h.binaryResponseHeader("h-bin")).containsExactly(7);
        assertThat(h.binaryResponseTrailer("T-Bin")).containsExactly('x');
        assertThat(h.getBinary("missing-bin")).isNull();
        assertThat(h.binaryResponseTrailer("missing-bin")).isNull();
        assertThat(h.binaryResponseHeader("missing-bin")).isNull();
        assertThat(h.getBinary("blob-bin")).isNotSameAs(h.getBinary("blob-bin"));
    }

    @Test
    void binaryValuesFromTheWireAreDecodedPaddedOrNot() {
        byte[] value = {1, 2, 3, 4};
        CallHeaders h = new CallHeaders();
        h.putRawRequest("padded-bin", Base64.getEncoder().encodeToString(value));
        h.putRawRequest("unpadded-bin", Base64.getEncoder().withoutPadding().encodeToString(value));
        h.putRawResponse("t-bin", "AQIDBA==", true);
        h.putRawResponse("h-bin", "AQIDBA", false);
        assertThat(h.request().get("padded-bin")).endsWith("==");
        assertThat(h.getBinary("padded-bin")).containsExactly(value);
        assertThat(h.getBinary("unpadded-bin")).containsExactly(value);
        assertThat(h.binaryResponseTrailer("t-bin")).containsExactly(value);
        assertThat(h.binaryResponseHeader("h-bin")).containsExactly(value);
    }

    @Test
    void repeatedKeysAreCommaJoinedInOrder() {
        CallHeaders h = new CallHeaders().add("k", "a").add("K", "b").add("k", "c");
        assertThat(h.get("k")).isEqualTo("a,b,c");
        h.setHeader("h", "1").setHeader("h", "2").setTrailer("t", "x").setTrailer("t", "y");
        assertThat(h.responseHeader("h")).isEqualTo("1,2");
        assertThat(h.responseTrailer("t")).isEqualTo("x,y");
        h.putRawRequest("raw", "1");
        h.putRawRequest("raw", "2");
        h.putRawResponse("rt", "a", true);
        h.putRawResponse("rt", "b", true);
        assertThat(h.get("raw")).isEqualTo("1,2");
        assertThat(h.responseTrailer("rt")).isEqualTo("a,b");
        assertThat(h.responseHeader("rt")).isNull();
    }

    @Test
    void repeatedBinaryKeysJoinTheirBase64AndTheAccessorDecodesTheFirst() {
        CallHeaders h = new CallHeaders().addBinary("b-bin", new byte[] {1}).addBinary("b-bin", new byte[] {2, 3});
        assertThat(h.request().get("b-bin")).isEqualTo("AQ,AgM");
        assertThat(h.getBinary("b-bin")).containsExactly(1);
    }

    @Test
    void snapshotsAreUnmodifiableAndDetached() {
        CallHeaders h = new CallHeaders().add("k", "v").setHeader("h", "v").setTrailer("t", "v");
        Map<String, String> req = h.request();
        Map<String, String> hdr = h.responseHeaders();
        Map<String, String> trl = h.responseTrailers();
        assertThatThrownBy(() -> req.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hdr.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trl.clear()).isInstanceOf(UnsupportedOperationException.class);
        h.add("k2", "v2").setHeader("h2", "v").setTrailer("t2", "v");
        assertThat(req).containsOnlyKeys("k");
        assertThat(hdr).containsOnlyKeys("h");
        assertThat(trl).containsOnlyKeys("t");
        assertThat(h.request()).containsKeys("k", "k2");
    }

    @Test
    void requestResponseHeadersAndTrailersAreSeparate() {
        CallHeaders h = new CallHeaders().add("same", "req").setHeader("same", "hdr").setTrailer("same", "trl");
        assertThat(h.get("same")).isEqualTo("req");
        assertThat(h.responseHeader("same")).isEqualTo("hdr");
        assertThat(h.responseTrailer("same")).isEqualTo("trl");
        assertThat(h.toString()).contains("same");
    }

    @Test
    void compressionFlags() {
        CallHeaders h = new CallHeaders();
        assertThat(h.requestCompressed()).isFalse();
        assertThat(h.compressResponses()).isFalse();
        h.requestCompressed(true);
        h.compressResponses(true);
        assertThat(h.requestCompressed()).isTrue();
        assertThat(h.compressResponses()).isTrue();
    }

    @Test
    void currentIsTheAttachedContextsHeaders() {
        assertThat(CallHeaders.current()).isNull();
        CallHeaders h = new CallHeaders();
        RpcContext ctx = RpcContext.root().withAttribute(CallHeaders.KEY, h);
        ctx.run(() -> assertThat(CallHeaders.current()).isSameAs(h));
        assertThat(CallHeaders.current()).isNull();
    }
}
