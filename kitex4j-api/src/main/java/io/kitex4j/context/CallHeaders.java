package io.kitex4j.context;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The custom headers of one gRPC call (gRPC "metadata"), both ways: the request headers the
 * client sends, and the response headers and trailers the server sends back. Keys are
 * lower-case; keys ending in {@code -bin} hold binary values (base64 on the wire, bytes through
 * {@link #binary} accessors). Metainfo travels separately ({@code rpc-transit-*} /
 * {@code rpc-persist-*}, §4 of the wire fact sheet) and is not listed here.
 *
 * <p>Server: {@link #current()} inside a handler gives the call's headers; the handler reads
 * {@link #request()} and sets {@link #setHeader response headers} (sent with the first response
 * message, or with the trailers) and {@link #setTrailer trailers}. Client: create one, fill its
 * request headers, pass it with {@code CallOptions.withHeaders(..)}; when the call ends it holds
 * the response headers and trailers. Kitex's {@code metadata.AppendToOutgoingContext},
 * {@code grpc.SetHeader}, {@code grpc.SetTrailer}.
 *
 * <p>Thread-safe. Compression flags are gRPC-only: {@link #requestCompressed()} tells whether the
 * last message received was compressed; {@link #compressResponses(boolean)} asks the server to
 * gzip the messages it sends from now on.
 */
public final class CallHeaders {
    /** The {@link RpcContext} attribute under which a call's headers are kept. */
    public static final RpcContext.Key<CallHeaders> KEY = RpcContext.Key.of("kitex4j.callHeaders");

    // Created on first use: most calls carry no custom metadata at all.
    private Map<String, String> request;
    private Map<String, String> responseHeaders;
    private Map<String, String> responseTrailers;
    private static final int REQUEST = 0, HEADERS = 1, TRAILERS = 2;
    private volatile boolean requestCompressed;
    private volatile boolean compressResponses;
    private volatile boolean compressRequests = true;

    /** The headers of the current call (inside a server handler), or {@code null}. */
    public static CallHeaders current() {
        return RpcContext.current().attribute(KEY);
    }

    // ---- request (client sets, server reads)

    /** Adds a request header (client side); a repeated key keeps both values, comma-joined as gRPC allows. */
    public CallHeaders add(String key, String value) {
        put(REQUEST, key, value, false);
        return this;
    }

    /** Adds a binary request header; {@code key} must end in {@code -bin}. */
    public CallHeaders addBinary(String key, byte[] value) {
        put(REQUEST, key, encode(key, value), true);
        return this;
    }

    /** The request headers as on the wire (binary values base64). Unmodifiable snapshot. */
    public synchronized Map<String, String> request() {
        return snapshot(request);
    }

    /** One request header, or {@code null}. */
    public synchronized String get(String key) {
        return request == null ? null : request.get(key.toLowerCase(Locale.ROOT));
    }

    /** One binary request header decoded, or {@code null}. */
    public byte[] getBinary(String key) {
        return decode(get(key));
    }

    // ---- response (server sets, client reads)

    public CallHeaders setHeader(String key, String value) {
        put(HEADERS, key, value, false);
        return this;
    }

    public CallHeaders setBinaryHeader(String key, byte[] value) {
        put(HEADERS, key, encode(key, value), true);
        return this;
    }

    public CallHeaders setTrailer(String key, String value) {
        put(TRAILERS, key, value, false);
        return this;
    }

    public CallHeaders setBinaryTrailer(String key, byte[] value) {
        put(TRAILERS, key, encode(key, value), true);
        return this;
    }

    /** Response headers as on the wire. Unmodifiable snapshot. */
    public synchronized Map<String, String> responseHeaders() {
        return snapshot(responseHeaders);
    }

    /** Response trailers as on the wire. Unmodifiable snapshot. */
    public synchronized Map<String, String> responseTrailers() {
        return snapshot(responseTrailers);
    }

    public synchronized String responseHeader(String key) {
        return responseHeaders == null ? null : responseHeaders.get(key.toLowerCase(Locale.ROOT));
    }

    public synchronized String responseTrailer(String key) {
        return responseTrailers == null ? null : responseTrailers.get(key.toLowerCase(Locale.ROOT));
    }

    public byte[] binaryResponseTrailer(String key) {
        return decode(responseTrailer(key));
    }

    public byte[] binaryResponseHeader(String key) {
        return decode(responseHeader(key));
    }

    // ---- compression (gRPC)

    /** Whether the last message received on this call came compressed. */
    public boolean requestCompressed() {
        return requestCompressed;
    }

    public void requestCompressed(boolean compressed) {
        this.requestCompressed = compressed;
    }

    /** Whether messages sent from now on are gzip-compressed. */
    public boolean compressResponses() {
        return compressResponses;
    }

    /** Asks for (or stops) compression of the messages sent from now on (gRPC only). */
    public void compressResponses(boolean compress) {
        this.compressResponses = compress;
    }

    /**
     * Client side: with a compressor chosen for the call ({@code CallOptions.withCompressor}),
     * whether the messages sent from now on are compressed (default {@code true}); grpc-java's
     * {@code setMessageCompression}. Without a compressor it has no effect.
     */
    public boolean compressRequests() {
        return compressRequests;
    }

    public void compressRequests(boolean compress) {
        this.compressRequests = compress;
    }

    // ---- framework side: raw wire values

    /** Stores a request header exactly as it came off the wire (transports). */
    public synchronized void putRawRequest(String key, String wireValue) {
        map(REQUEST).merge(key, wireValue, (a, b) -> a + "," + b);
    }

    /** Stores a response header or trailer exactly as it came off the wire (transports). */
    public synchronized void putRawResponse(String key, String wireValue, boolean trailer) {
        map(trailer ? TRAILERS : HEADERS).merge(key, wireValue, (a, b) -> a + "," + b);
    }

    private synchronized void put(int which, String key, String value, boolean binary) {
        String k = checkKey(key, binary);
        Objects.requireNonNull(value, "value");
        if (!binary) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException("header " + k + " has a non-printable-ASCII value; use a -bin key");
                }
            }
        }
        map(which).merge(k, value, (a, b) -> a + "," + b);
    }

    /** The map {@code which}, created if need be (under the lock). */
    private Map<String, String> map(int which) {
        switch (which) {
            case REQUEST:
                return request != null ? request : (request = new LinkedHashMap<>());
            case HEADERS:
                return responseHeaders != null ? responseHeaders : (responseHeaders = new LinkedHashMap<>());
            default:
                return responseTrailers != null ? responseTrailers : (responseTrailers = new LinkedHashMap<>());
        }
    }

    private static Map<String, String> snapshot(Map<String, String> m) {
        return m == null || m.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Object keys(Map<String, String> m) {
        return m == null ? "[]" : m.keySet();
    }

    private static String checkKey(String key, boolean binary) {
        String k = Objects.requireNonNull(key, "key").toLowerCase(Locale.ROOT);
        if (k.isEmpty() || k.startsWith(":") || k.startsWith("grpc-")) {
            throw new IllegalArgumentException("reserved or empty header key: " + key);
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                throw new IllegalArgumentException("illegal character in header key: " + key);
            }
        }
        if (binary != k.endsWith("-bin")) {
            throw new IllegalArgumentException(binary ? "binary header keys end in -bin: " + key
                    : "-bin keys take binary values: " + key);
        }
        return k;
    }

    private static String encode(String key, byte[] value) {
        return Base64.getEncoder().withoutPadding().encodeToString(Objects.requireNonNull(value, "value"));
    }

    private static byte[] decode(String wire) {
        if (wire == null) {
            return null;
        }
        int comma = wire.indexOf(',');
        String first = comma < 0 ? wire : wire.substring(0, comma);
        return Base64.getDecoder().decode(first.trim());
    }

    @Override
    public synchronized String toString() {
        return "CallHeaders{request=" + keys(request) + ", headers=" + keys(responseHeaders) + ", trailers="
                + keys(responseTrailers) + '}';
    }
}
