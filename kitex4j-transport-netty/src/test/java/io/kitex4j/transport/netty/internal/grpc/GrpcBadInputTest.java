package io.kitex4j.transport.netty.internal.grpc;

import static io.kitex4j.transport.netty.internal.grpc.RawH2.GOAWAY;
import static io.kitex4j.transport.netty.internal.grpc.RawH2.HEADERS;
import static io.kitex4j.transport.netty.internal.grpc.RawH2.RST_STREAM;
import static io.kitex4j.transport.netty.internal.grpc.RawH2.endOf;
import static io.kitex4j.transport.netty.internal.grpc.RawH2.has;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.remote.transport.TransportConfig;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the HTTP/2 path, fed by a hand-driven client: each gets the gRPC status (on its
 * stream, the connection staying usable) or the connection error (GOAWAY, close) it should.
 */
class GrpcBadInputTest {
    private static GrpcHarness h;

    @BeforeAll
    static void start() throws Exception {
        TransportConfig server = TransportConfig.builder().grpcMaxMessageSize(64 * 1024)
                .grpcMinPingInterval(Duration.ofSeconds(10)).build();
        h = new GrpcHarness(server, GrpcHarness.DEFAULT);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The trailers-only response (or trailers) of {@code stream}. */
    private static RawH2.Frame status(RawH2 c, int stream) throws Exception {
        c.readUntil(endOf(stream));
        RawH2.Frame last = null;
        for (RawH2.Frame f : c.frames) {
            if (f.stream == stream && f.type == HEADERS && f.endStream()) {
                last = f;
            }
        }
        assertThat(last).as("status of stream %d in %s", stream, c.frames).isNotNull();
        return last;
    }

    @Test
    void garbageAfterThePrefaceIsAConnectionError() throws Exception {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xFF);
        try (RawH2 c = RawH2.open(h.address)) {
            c.write(RawH2.PREFACE).write(garbage);
            c.readUntilClosed();
            assertThat(c.closed).as("closed: %s", c.frames).isTrue();
            RawH2.Frame goAway = c.first(GOAWAY, 0);
            assertThat(goAway).as("GOAWAY in %s", c.frames).isNotNull();
            assertThat(goAway.errorCode()).isNotZero();
        }
        // A corrupt preface (right start, wrong rest) too.
        try (RawH2 c = RawH2.open(h.address)) {
            c.write("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            c.readUntilClosed();
            assertThat(c.closed).isTrue();
            assertThat(c.first(GOAWAY, 0)).isNotNull();
        }
    }

    @Test
    void streamErrorsGetTheirStatusAndTheConnectionStaysUsable() throws Exception {
        try (RawH2 c = RawH2.open(h.address)) {
            c.preface();
            // unknown method and unknown service → UNIMPLEMENTED
            c.headers(1, RawH2.request("/test.Echo/Nope", "application/grpc"), false).message(1, 0, utf8("x"), true);
            RawH2.Frame f = status(c, 1);
            assertThat(f.header(":status")).isEqualTo("200");
            assertThat(f.header("content-type")).isEqualTo("application/grpc");
            assertThat(f.header("grpc-status")).isEqualTo("12");
            assertThat(f.header("grpc-message")).isEqualTo("Method not found: test.Echo/Nope");
            c.headers(3, RawH2.request("/other.Svc/Unary", "application/grpc"), false).message(3, 0, utf8("x"), true);
            assertThat(status(c, 3).header("grpc-status")).isEqualTo("12");

            // malformed grpc-timeout → INTERNAL, as grpc-go
            Http2Headers bad = RawH2.request("/test.Echo/Unary", "application/grpc").set("grpc-timeout", "1.5S");
            c.headers(5, bad, false).message(5, 0, utf8("x"), true);
            f = status(c, 5);
            assertThat(f.header("grpc-status")).isEqualTo("13");
            assertThat(GrpcStatus.decodeMessage(f.header("grpc-message"))).startsWith("malformed grpc-timeout");

            // not gRPC → HTTP 415 (grpc-java's answer)
            c.headers(7, RawH2.request("/test.Echo/Unary", "application/json"), true);
            assertThat(status(c, 7).header(":status")).isEqualTo("415");
            c.headers(9, RawH2.request("/test.Echo/Unary", null), true);
            assertThat(status(c, 9).header(":status")).isEqualTo("415");
            // not POST → 405
            c.headers(11, RawH2.request("/test.Echo/Unary", "application/grpc").method("GET"), true);
            assertThat(status(c, 11).header(":status")).isEqualTo("405");
            // malformed path → INTERNAL (Kitex)
            c.headers(13, RawH2.request("/nopath", "application/grpc"), true);
            assertThat(status(c, 13).header("grpc-status")).isEqualTo("13");

            // unary without its request, or with two → INTERNAL
            c.headers(15, RawH2.request("/test.Echo/Unary", "application/grpc"), true);
            f = status(c, 15);
            assertThat(f.header("grpc-status")).isEqualTo("13");
            assertThat(f.header("grpc-message")).isEqualTo("Half-closed without a request");
            c.headers(17, RawH2.request("/test.Echo/Unary", "application/grpc"), false)
                    .message(17, 0, utf8("a"), false).message(17, 0, utf8("b"), true);
            assertThat(status(c, 17).header("grpc-message")).isEqualTo("Too many requests");

            // a compressed message without grpc-encoding, a message that does not decode → INTERNAL
            c.headers(19, RawH2.request("/test.Echo/Unary", "application/grpc"), false).message(19, 1, utf8("zz"), true);
            assertThat(status(c, 19).header("grpc-status")).isEqualTo("13");
            c.headers(21, RawH2.request("/test.Echo/Unary", "application/grpc"), false).message(21, 0, utf8("!malformed"), true);
            assertThat(status(c, 21).header("grpc-status")).isEqualTo("13");
            // an unknown grpc-encoding → UNIMPLEMENTED
            c.headers(23, RawH2.request("/test.Echo/Unary", "application/grpc").set("grpc-encoding", "snappy"), true);
            f = status(c, 23);
            assertThat(f.header("grpc-status")).isEqualTo("12");
            assertThat(f.header("grpc-accept-encoding")).as("the encodings the server accepts").isEqualTo("gzip");

            // a message over the limit → RESOURCE_EXHAUSTED as soon as its prefix arrives, stream reset
            c.headers(25, RawH2.request("/test.Echo/Unary", "application/grpc"), false)
                    .data(25, new byte[] {0, 0, 0x10, 0, 0}, false); // claims 1 MiB, limit 64 KiB
            f = status(c, 25);
            assertThat(f.header("grpc-status")).isEqualTo("8");
            assertThat(GrpcStatus.decodeMessage(f.header("grpc-message"))).isEqualTo("gRPC message exceeds maximum size 65536: 1048576");
            c.readUntil(has(RST_STREAM, 25));
            assertThat(c.first(RST_STREAM, 25)).as("RST_STREAM after the status: %s", c.frames).isNotNull();

            // ... and the connection still serves calls.
            c.headers(27, RawH2.request("/test.Echo/Unary", "application/grpc"), false).message(27, 0, utf8("still here"), true);
            f = status(c, 27);
            assertThat(f.header("grpc-status")).isEqualTo("0");
            assertThat(f.header("grpc-message")).isEmpty();
            assertThat(c.first(GOAWAY, 0)).isNull();
            assertThat(c.closed).isFalse();
        }
    }

    @Test
    void tooManyPingsGetEnhanceYourCalm() throws Exception {
        try (RawH2 c = RawH2.open(h.address)) {
            c.preface();
            for (int i = 0; i < 4; i++) {
                c.ping(i);
            }
            c.readUntilClosed();
            RawH2.Frame goAway = c.first(GOAWAY, 0);
            assertThat(goAway).as("GOAWAY in %s", c.frames).isNotNull();
            assertThat(goAway.errorCode()).isEqualTo(0xb); // ENHANCE_YOUR_CALM
            assertThat(goAway.goAwayDebug()).isEqualTo("too_many_pings");
            assertThat(c.closed).isTrue();
        }
    }

    @Test
    void unaryRepliesWrittenInsideTheReadOfTheirRequestsEndWithoutResetStream() throws Exception {
        h.dispatcher.unaryInline = true; // replies written while the server still handles the request's DATA frame
        try (RawH2 c = RawH2.open(h.address)) {
            c.preface();
            for (int stream = 1; stream <= 5; stream += 2) {
                c.headers(stream, RawH2.request("/test.Echo/Unary", "application/grpc"), false)
                        .message(stream, 0, utf8("inline " + stream), true);
            }
            for (int stream = 1; stream <= 5; stream += 2) {
                assertThat(status(c, stream).header("grpc-status")).isEqualTo("0");
            }
            // The server handles frames in order: once the PING after the requests is answered,
            // anything it wrote for them is in.
            c.ping(7);
            c.readUntil(fs -> fs.stream().anyMatch(f -> f.type == RawH2.PING && (f.flags & 0x1) != 0));
            // The client had ended every stream (END_STREAM on its DATA): nothing to reset.
            assertThat(c.frames).as("frames").noneMatch(f -> f.type == RST_STREAM);
        } finally {
            h.dispatcher.unaryInline = false;
        }
    }

    @Test
    void pingsWithResponsesInBetweenAreFine() throws Exception {
        try (RawH2 c = RawH2.open(h.address)) {
            c.preface();
            int stream = 1;
            for (int i = 0; i < 5; i++) {
                c.ping(i);
                c.headers(stream, RawH2.request("/test.Echo/Unary", "application/grpc"), false).message(stream, 0, utf8("p"), true);
                assertThat(status(c, stream).header("grpc-status")).isEqualTo("0");
                stream += 2;
            }
            assertThat(c.first(GOAWAY, 0)).isNull();
        }
    }
}
