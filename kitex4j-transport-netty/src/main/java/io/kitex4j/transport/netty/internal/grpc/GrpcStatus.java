package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A gRPC status as it travels in {@code grpc-status}, {@code grpc-message} (percent-encoded) and
 * {@code grpc-status-details-bin} (base64), and the mappings from HTTP statuses and RST_STREAM
 * codes. Immutable.
 */
public final class GrpcStatus {
    static final GrpcStatus OK = new GrpcStatus(StatusCode.OK, "", null);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    final StatusCode code;
    final String message;
    final byte[] details;

    GrpcStatus(StatusCode code, String message, byte[] details) {
        this.code = code;
        this.message = message == null ? "" : message;
        this.details = details != null && details.length > 0 ? details : null;
    }

    static GrpcStatus of(StatusCode code, String message) {
        return new GrpcStatus(code, message, null);
    }

    static GrpcStatus of(StatusException e) {
        return new GrpcStatus(e.code(), e.statusMessage(), e.details());
    }

    boolean isOk() {
        return code == StatusCode.OK;
    }

    /** The exception a call that ended with this status fails with. */
    StatusException toException() {
        return new StatusException(code, message, details, null);
    }

    @Override
    public String toString() {
        return code + (message.isEmpty() ? "" : ": " + message);
    }

    // ------------------------------------------------------------------ grpc-message

    /**
     * Percent-encodes a status message as the gRPC spec says: its UTF-8 bytes, with every byte
     * outside 0x20..0x7E and {@code %} written as {@code %XX}.
     */
    public static String encodeMessage(String message) {
        if (message == null) {
            return "";
        }
        int n = message.length();
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            char c = message.charAt(i);
            plain = c >= 0x20 && c <= 0x7E && c != '%';
        }
        if (plain) {
            return message;
        }
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(utf8.length + 16);
        for (byte b : utf8) {
            int v = b & 0xFF;
            if (v >= 0x20 && v <= 0x7E && v != '%') {
                sb.append((char) v);
            } else {
                sb.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Reverses {@link #encodeMessage}: the {@code %XX} escapes are decoded over the UTF-8 bytes of
     * {@code wire} (header values arrive already read as UTF-8, so raw non-ASCII text a peer sent
     * stays as it is) and the result is read as UTF-8; a {@code %} not followed by two hex digits
     * stays as it is.
     */
    public static String decodeMessage(String wire) {
        if (wire == null) {
            return "";
        }
        if (wire.indexOf('%') < 0) {
            return wire;
        }
        byte[] in = wire.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int n = in.length;
        for (int i = 0; i < n; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < n) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out.write(b);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ grpc-status-details-bin and -bin values

    /** Base64 without padding, as gRPC implementations send binary metadata. */
    static String encodeBinary(byte[] value) {
        return Base64.getEncoder().withoutPadding().encodeToString(value);
    }

    /** Base64, padded or not; {@code null} when malformed. */
    static byte[] decodeBinary(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(wire.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ mappings

    /** A {@code grpc-status} value; values outside 0..16 (and garbage) are UNKNOWN as gRPC specifies. */
    static StatusCode parseCode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return StatusCode.fromValue(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return StatusCode.UNKNOWN;
        }
    }

    /** The gRPC spec's mapping of a non-gRPC HTTP response status. */
    static StatusCode fromHttpStatus(int httpStatus) {
        switch (httpStatus) {
            case 400:
                return StatusCode.INTERNAL;
            case 401:
                return StatusCode.UNAUTHENTICATED;
            case 403:
                return StatusCode.PERMISSION_DENIED;
            case 404:
                return StatusCode.UNIMPLEMENTED;
            case 429:
            case 502:
            case 503:
            case 504:
                return StatusCode.UNAVAILABLE;
            default:
                return StatusCode.UNKNOWN;
        }
    }

    /** The status of a stream the peer reset with an HTTP/2 error code (grpc-java's mapping). */
    static StatusCode fromRstCode(long http2ErrorCode) {
        switch ((int) http2ErrorCode) {
            case 0x7: // REFUSED_STREAM: never processed
                return StatusCode.UNAVAILABLE;
            case 0x8: // CANCEL
                return StatusCode.CANCELLED;
            case 0xb: // ENHANCE_YOUR_CALM
                return StatusCode.RESOURCE_EXHAUSTED;
            case 0xc: // INADEQUATE_SECURITY
                return StatusCode.PERMISSION_DENIED;
            default:
                return StatusCode.INTERNAL;
        }
    }
}
