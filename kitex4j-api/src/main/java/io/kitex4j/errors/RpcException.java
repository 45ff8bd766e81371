package io.kitex4j.errors;

import java.util.Objects;

/**
 * Root of the framework's errors: every failure that is not the handler's own business result.
 * Each subclass stands for one of Kitex's categories ({@link ErrorKind}) so callers can catch
 * precisely; {@link #kind()} gives the category for code that prefers a switch.
 *
 * <p>Messages follow Kitex's format for detailed errors: {@code basic[extra]: cause}, for
 * example {@code remote or network error[remote]: unknown method nosuch}.
 */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String detail;

    public RpcException(ErrorKind kind, String detail) {
        this(kind, null, detail, null);
    }

    public RpcException(ErrorKind kind, String detail, Throwable cause) {
        this(kind, null, detail, cause);
    }

    protected RpcException(ErrorKind kind, String extra, String detail, Throwable cause) {
        super(format(kind, extra, detail), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail;
    }

    private static String format(ErrorKind kind, String extra, String detail) {
        StringBuilder sb = new StringBuilder(kind.text());
        if (extra != null && !extra.isEmpty()) {
            sb.append('[').append(extra).append(']');
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** The basic category. */
    public ErrorKind kind() {
        return kind;
    }

    /** The detail after the category, or {@code null}. */
    public String detail() {
        return detail;
    }
}
