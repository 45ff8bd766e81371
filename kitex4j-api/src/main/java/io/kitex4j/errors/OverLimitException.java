package io.kitex4j.errors;

/** A limiter rejected the call (QPS or connections). */
public class OverLimitException extends RpcException {
    private static final long serialVersionUID = 1L;

    public OverLimitException(String detail) {
        super(ErrorKind.OVERLIMIT, detail);
    }

    public OverLimitException(String detail, Throwable cause) {
        super(ErrorKind.OVERLIMIT, detail, cause);
    }
}
