package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.OverLimitException;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.internal.server.DefaultServer;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class GrpcStatusTest {
    /** The interop "special_status_message" case. */
    static final String SPECIAL = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n";

    @Test
    void percentEncodesAsTheGrpcSpecSays() {
        assertThat(GrpcStatus.encodeMessage("plain text 1-2 ~")).isEqualTo("plain text 1-2 ~");
        assertThat(GrpcStatus.encodeMessage("100%")).isEqualTo("100%25");
        assertThat(GrpcStatus.encodeMessage("a\nb")).isEqualTo("a%0Ab");
        assertThat(GrpcStatus.encodeMessage("\u263A")).isEqualTo("%E2%98%BA");
        assertThat(GrpcStatus.encodeMessage(SPECIAL)).isEqualTo(
                "%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A");
        assertThat(GrpcStatus.encodeMessage(null)).isEmpty();
        for (char c : GrpcStatus.encodeMessage(SPECIAL).toCharArray()) {
            assertThat(c).isBetween(' ', '~');
        }
    }

    @Test
    void percentDecodesLeniently() {
        assertThat(GrpcStatus.decodeMessage(GrpcStatus.encodeMessage(SPECIAL))).isEqualTo(SPECIAL);
        assertThat(GrpcStatus.decodeMessage("%e2%98%ba lower-case hex")).isEqualTo("\u263A lower-case hex");
        assertThat(GrpcStatus.decodeMessage("bad %G1 and trailing %4")).isEqualTo("bad %G1 and trailing %4");
        assertThat(GrpcStatus.decodeMessage("100%")).isEqualTo("100%");
        assertThat(GrpcStatus.decodeMessage(null)).isEmpty();
        assertThat(GrpcStatus.decodeMessage("")).isEmpty();
    }

    /** A peer that sends raw UTF-8 next to %-escapes: header values arrive already read as UTF-8. */
    @Test
    void percentDecodingKeepsRawUtf8AsItIs() {
        io.netty.util.AsciiString wire = new io.netty.util.AsciiString("50%25 s\u00fbr \u263A %E2%98%BA".getBytes(StandardCharsets.UTF_8), false);
        assertThat(GrpcStatus.decodeMessage(GrpcMetadata.text(wire))).isEqualTo("50% s\u00fbr \u263A \u263A");
        assertThat(GrpcStatus.decodeMessage("s\u00fbr")).isEqualTo("s\u00fbr");
    }

    @Test
    void binaryValuesAreUnpaddedBase64AndDecodeEitherWay() {
        byte[] v = {1, 2, 3, 4};
        assertThat(GrpcStatus.encodeBinary(v)).isEqualTo("AQIDBA");
        assertThat(GrpcStatus.decodeBinary("AQIDBA")).containsExactly(v);
        assertThat(GrpcStatus.decodeBinary("AQIDBA==")).containsExactly(v);
        assertThat(GrpcStatus.decodeBinary("not base64!")).isNull();
    }

    @Test
    void mapsHttpStatusesRstCodesAndStatusValues() {
        assertThat(GrpcStatus.fromHttpStatus(400)).isEqualTo(StatusCode.INTERNAL);
        assertThat(GrpcStatus.fromHttpStatus(401)).isEqualTo(StatusCode.UNAUTHENTICATED);
        assertThat(GrpcStatus.fromHttpStatus(403)).isEqualTo(StatusCode.PERMISSION_DENIED);
        assertThat(GrpcStatus.fromHttpStatus(404)).isEqualTo(StatusCode.UNIMPLEMENTED);
        assertThat(GrpcStatus.fromHttpStatus(429)).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(GrpcStatus.fromHttpStatus(503)).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(GrpcStatus.fromHttpStatus(415)).isEqualTo(StatusCode.UNKNOWN);
        assertThat(GrpcStatus.fromRstCode(0x8)).isEqualTo(StatusCode.CANCELLED);
        assertThat(GrpcStatus.fromRstCode(0x7)).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(GrpcStatus.fromRstCode(0xb)).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
        assertThat(GrpcStatus.fromRstCode(0x2)).isEqualTo(StatusCode.INTERNAL);
        assertThat(GrpcStatus.parseCode("0")).isEqualTo(StatusCode.OK);
        assertThat(GrpcStatus.parseCode("16")).isEqualTo(StatusCode.UNAUTHENTICATED);
        assertThat(GrpcStatus.parseCode("17")).isEqualTo(StatusCode.UNKNOWN);
        assertThat(GrpcStatus.parseCode("x")).isEqualTo(StatusCode.UNKNOWN);
        assertThat(GrpcStatus.parseCode(null)).isNull();
    }

    @Test
    void mapsServerFailuresAsKitexAndTheBriefSay() {
        String m = "echo.EchoService.Echo";
        GrpcStatus s = ServerCall.ofFailure(new StatusException(StatusCode.NOT_FOUND, "nope", "d".getBytes(StandardCharsets.UTF_8), null), true, m);
        assertThat(s.code).isEqualTo(StatusCode.NOT_FOUND);
        assertThat(s.message).isEqualTo("nope");
        assertThat(s.details).containsExactly('d');
        assertThat(ServerCall.ofFailure(new ApplicationException(1, "unknown method x"), true, m).code).isEqualTo(StatusCode.UNIMPLEMENTED);
        assertThat(ServerCall.ofFailure(new ApplicationException(20, "unknown service"), true, m).code).isEqualTo(StatusCode.UNIMPLEMENTED);
        s = ServerCall.ofFailure(new ApplicationException(6, "app"), true, m);
        assertThat(s.code).isEqualTo(StatusCode.INTERNAL);
        assertThat(s.message).isEqualTo("app [biz error]");
        assertThat(ServerCall.ofFailure(new ApplicationException(6, "biz error: app"), false, m).message).isEqualTo("biz error: app");
        assertThat(ServerCall.ofFailure(new DefaultServer.FrameworkError(6, "request over limit"), true, m).message)
                .isEqualTo("request over limit");
        s = ServerCall.ofFailure(new OverLimitException("too many"), true, m);
        assertThat(s.code).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
        assertThat(ServerCall.ofFailure(new RpcTimeoutException("slow"), true, m).code).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        assertThat(ServerCall.ofFailure(new ConnectionException("down"), true, m).code).isEqualTo(StatusCode.UNAVAILABLE);
        s = ServerCall.ofFailure(new CompletionException(new IllegalStateException("something failed")), true, m);
        assertThat(s.code).isEqualTo(StatusCode.INTERNAL);
        assertThat(s.message).isEqualTo("something failed [biz error]");
        s = ServerCall.ofFailure(new AssertionError("boom"), true, m);
        assertThat(s.message).isEqualTo("panic: [happened in biz handler, method=echo.EchoService.Echo] java.lang.AssertionError: boom");
        assertThat(ServerCall.ofFailure(new NullPointerException(), true, m).message).isEqualTo("java.lang.NullPointerException [biz error]");
    }

    @Test
    void replyStatus() {
        RemoteMessage req = new RemoteMessage(MessageType.CALL, "Echo", 1).serviceName("echo.EchoService");
        RemoteMessage ok = new RemoteMessage(MessageType.REPLY, "Echo", 1);
        assertThat(ServerCall.statusOf(ok, req).isOk()).isTrue();
        RemoteMessage biz = new RemoteMessage(MessageType.REPLY, "Echo", 1).error(new BizStatusException(404, "not found", Map.of("k", "v")));
        GrpcStatus s = ServerCall.statusOf(biz, req);
        assertThat(s.code).isEqualTo(StatusCode.INTERNAL);
        assertThat(s.message).isEqualTo("not found");
        RemoteMessage legacy = new RemoteMessage(MessageType.EXCEPTION, "Echo", 1).body(new ApplicationException(6, "biz error: x"));
        assertThat(ServerCall.statusOf(legacy, req).message).isEqualTo("biz error: x");
    }
}
