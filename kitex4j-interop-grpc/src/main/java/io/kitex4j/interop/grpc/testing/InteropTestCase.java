package io.kitex4j.interop.grpc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The interop test cases {@link TestServiceClient} implements: every case of gRPC's interop test
 * descriptions that needs no credentials, no xDS/ORCA, no soak, no caching proxy and no second
 * backend, plus grpc-java's {@code very_large_request} and the {@code _noprobe} variants of the
 * client compression cases. The flag name is the lower-case enum name.
 */
public enum InteropTestCase {
    EMPTY_UNARY("empty (zero bytes) request and response"),
    LARGE_UNARY("single request and (large) response"),
    CLIENT_COMPRESSED_UNARY("client compressed unary request"),
    CLIENT_COMPRESSED_UNARY_NOPROBE("client compressed unary request (skip initial feature-probing request)"),
    SERVER_COMPRESSED_UNARY("server compressed unary response"),
    CLIENT_STREAMING("request streaming with single response"),
    CLIENT_COMPRESSED_STREAMING("client per-message compression on stream"),
    CLIENT_COMPRESSED_STREAMING_NOPROBE("client per-message compression on stream (skip initial feature-probing request)"),
    SERVER_STREAMING("single request with response streaming"),
    SERVER_COMPRESSED_STREAMING("server per-message compression on stream"),
    PING_PONG("full-duplex ping-pong streaming"),
    EMPTY_STREAM("a stream that has zero messages in both directions"),
    CUSTOM_METADATA("unary and full duplex calls with metadata"),
    STATUS_CODE_AND_MESSAGE("request error code and message"),
    SPECIAL_STATUS_MESSAGE("special characters in status message"),
    UNIMPLEMENTED_METHOD("call an unimplemented RPC method"),
    UNIMPLEMENTED_SERVICE("call an unimplemented RPC service"),
    CANCEL_AFTER_BEGIN("cancel stream after starting it"),
    CANCEL_AFTER_FIRST_RESPONSE("cancel on first response"),
    TIMEOUT_ON_SLEEPING_SERVER("timeout before receiving a response"),
    VERY_LARGE_REQUEST("very large (10 MiB) request");

    /** {@code --test_case=all} runs every case, in declaration order. */
    public static final String ALL = "all";

    private final String description;

    InteropTestCase(String description) {
        this.description = description;
    }

    /** The name used on the command line, e.g. {@code empty_unary}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The case called {@code name} (case-insensitive). */
    public static InteropTestCase fromFlag(String name) {
        for (InteropTestCase c : values()) {
            if (c.flag().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown test case '" + name + "' (expected " + ALL + " or one of "
                + flags() + ")");
    }

    /** {@code all}, one name, or a comma-separated list of names. */
    public static List<InteropTestCase> parse(String spec) {
        if (spec.trim().equalsIgnoreCase(ALL)) {
            return List.of(values());
        }
        List<InteropTestCase> cases = new ArrayList<>();
        for (String name : spec.split(",")) {
            if (!name.isBlank()) {
                cases.add(fromFlag(name));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no test case given");
        }
        return cases;
    }

    /** Every flag name, comma-separated. */
    public static String flags() {
        List<String> names = new ArrayList<>();
        for (InteropTestCase c : values()) {
            names.add(c.flag());
        }
        return String.join(", ", names);
    }
}
