package io.kitex4j.errors;

/** A framework-side failure: bad configuration, encoding failure, missing descriptor. */
public class InternalException extends RpcException {
    private static final long serialVersionUID = 1L;

    public InternalException(String detail) {
        super(ErrorKind.INTERNAL, detail);
    }

    public InternalException(String detail, Throwable cause) {
        super(ErrorKind.INTERNAL, detail, cause);
    }
}
