package io.kitex4j.transport.netty.internal.grpc;

import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * gRPC header names and the conversion between HTTP/2 header blocks and the metadata maps of
 * {@link io.kitex4j.remote.RemoteMessage#strInfo()} / {@link io.kitex4j.context.CallHeaders}.
 * Header values are byte strings on the wire; text values are read and written as UTF-8 (Kitex,
 * being Go, passes the bytes through), {@code -bin} values stay base64 text.
 */
final class GrpcMetadata {
    static final AsciiString CONTENT_TYPE = AsciiString.cached("content-type");
    static final AsciiString TE = AsciiString.cached("te");
    static final AsciiString TRAILERS = AsciiString.cached("trailers");
    static final AsciiString USER_AGENT = AsciiString.cached("user-agent");
    static final AsciiString GRPC_TIMEOUT = AsciiString.cached("grpc-timeout");
    static final AsciiString GRPC_ENCODING = AsciiString.cached("grpc-encoding");
    static final AsciiString GRPC_ACCEPT_ENCODING = AsciiString.cached("grpc-accept-encoding");
    static final AsciiString GRPC_STATUS = AsciiString.cached("grpc-status");
    static final AsciiString GRPC_MESSAGE = AsciiString.cached("grpc-message");
    static final AsciiString GRPC_STATUS_DETAILS = AsciiString.cached("grpc-status-details-bin");
    static final AsciiString GZIP = AsciiString.cached("gzip");
    static final AsciiString POST = AsciiString.cached("POST");
    static final AsciiString STATUS_200 = AsciiString.cached("200");
    static final String APPLICATION_GRPC = "application/grpc";
    static final String APPLICATION_GRPC_THRIFT = "application/grpc+thrift";
    private static final AsciiString APPLICATION_GRPC_ASCII = AsciiString.cached(APPLICATION_GRPC);

    /** Request headers that are transport business, not metadata handed to the server engine. */
    static final Set<String> REQUEST_RESERVED = Set.of("content-type", "te", "user-agent", "grpc-timeout",
            "grpc-encoding", "grpc-accept-encoding", "grpc-previous-rpc-attempts");

    /** Response headers and trailers that are transport business, not custom metadata. */
    static final Set<String> RESPONSE_RESERVED = Set.of("content-type", "grpc-status", "grpc-message",
            "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding");

    /** Headers HTTP/2 forbids (connection-specific), never sent. */
    private static final Set<String> FORBIDDEN = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host");

    private GrpcMetadata() {}

    /** Whether {@code contentType} is a gRPC one: {@code application/grpc} alone or followed by {@code +} or {@code ;}. */
    static boolean isGrpcContentType(CharSequence contentType) {
        if (contentType == null) {
            return false;
        }
        if (APPLICATION_GRPC_ASCII.contentEquals(contentType)) {
            return true; // what nearly every call carries
        }
        String ct = contentType.toString().toLowerCase(Locale.ROOT);
        if (!ct.startsWith(APPLICATION_GRPC)) {
            return false;
        }
        if (ct.length() == APPLICATION_GRPC.length()) {
            return true;
        }
        char next = ct.charAt(APPLICATION_GRPC.length());
        return next == '+' || next == ';';
    }

    /** Whether a gRPC content type names the Thrift subtype ({@code application/grpc+thrift}). */
    static boolean isThrift(CharSequence contentType) {
        if (APPLICATION_GRPC_ASCII.contentEquals(contentType)) {
            return false;
        }
        String ct = contentType.toString().toLowerCase(Locale.ROOT);
        if (!ct.startsWith(APPLICATION_GRPC + "+")) {
            return false;
        }
        String sub = ct.substring(APPLICATION_GRPC.length() + 1);
        int semi = sub.indexOf(';');
        return (semi < 0 ? sub : sub.substring(0, semi)).trim().equals("thrift");
    }

    /** A header value as text: the bytes read as UTF-8. */
    static String text(CharSequence v) {
        if (v == null) {
            return null;
        }
        if (v instanceof AsciiString) {
            AsciiString a = (AsciiString) v;
            boolean ascii = true;
            byte[] arr = a.array();
            int off = a.arrayOffset();
            for (int i = 0; i < a.length() && ascii; i++) {
                ascii = arr[off + i] >= 0;
            }
            return ascii ? a.toString() : new String(arr, off, a.length(), StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    /** A value to send: its UTF-8 bytes (one char per byte on the wire). */
    static CharSequence wire(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return new AsciiString(value.getBytes(StandardCharsets.UTF_8), false);
            }
        }
        return value;
    }

    /** One header as text, or {@code null}. */
    static String get(Http2Headers h, AsciiString name) {
        return text(h.get(name));
    }

    /**
     * The custom metadata of a header block: every non-pseudo header not in {@code reserved},
     * in arrival order, repeated keys joined with {@code ","} as gRPC allows. Names are lower case
     * already: Netty's HTTP/2 decoder refuses upper-case header names (a protocol error).
     */
    static Map<String, String> custom(Http2Headers h, Set<String> reserved) {
        return custom(h, reserved, new LinkedHashMap<>());
    }

    /** {@link #custom(Http2Headers, Set)} into {@code out}, which it returns. */
    static Map<String, String> custom(Http2Headers h, Set<String> reserved, Map<String, String> out) {
        for (Map.Entry<CharSequence, CharSequence> e : h) {
            CharSequence name = e.getKey();
            if (name.length() == 0 || name.charAt(0) == ':') {
                continue;
            }
            String key = name.toString();
            if (reserved.contains(key)) {
                continue;
            }
            out.merge(key, text(e.getValue()), (a, b) -> a + "," + b);
        }
        return out;
    }

    /** Whether a metadata key can go on the wire as a custom header: {@code [0-9a-z._-]+}, not reserved. */
    static boolean sendable(String key) {
        if (key == null || key.isEmpty() || key.charAt(0) == ':' || FORBIDDEN.contains(key)) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds metadata entries to {@code out}: keys lower-cased, keys that cannot be sent or are in
     * {@code reserved} skipped, values that hold CR, LF or NUL skipped (they would corrupt the
     * header block of any HTTP/1 hop).
     */
    static void addAll(Http2Headers out, Map<String, String> metadata, Set<String> reserved) {
        if (metadata == null) {
            return;
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!sendable(key) || reserved.contains(key) || !sendableValue(e.getValue())) {
                continue;
            }
            out.add(key, wire(e.getValue()));
        }
    }

    private static boolean sendableValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }
}
