package io.kitex4j.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business status error (Kitex {@code BizStatusError}): the call succeeded at the RPC level but
 * the business outcome is a status code, message and optional extra map. A handler throws it;
 * the server sends an empty reply with {@code biz-status}, {@code biz-message} and
 * {@code biz-extra} in the TTHeader (or gRPC trailers); the client throws it back to its caller.
 *
 * <p>Only TTHeader (and gRPC) can carry it: over Framed or Buffered the server still sends the
 * empty reply, and the client reports a missing result, never a silent null.
 */
public class BizStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String statusMessage;
    private final Map<String, String> extra;

    public BizStatusException(int statusCode, String statusMessage) {
        this(statusCode, statusMessage, Map.of());
    }

    public BizStatusException(int statusCode, String statusMessage, Map<String, String> extra) {
        super("biz error: code=" + statusCode + ", msg=" + statusMessage);
        this.statusCode = statusCode;
        this.statusMessage = Objects.requireNonNull(statusMessage, "statusMessage");
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    public int statusCode() {
        return statusCode;
    }

    public String statusMessage() {
        return statusMessage;
    }

    /** Extra business key/values; never null, unmodifiable. */
    public Map<String, String> extra() {
        return extra;
    }
}
