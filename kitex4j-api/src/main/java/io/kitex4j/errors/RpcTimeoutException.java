package io.kitex4j.errors;

/** The call did not complete within its RPC timeout. The connection that carried it is closed, never reused. */
public class RpcTimeoutException extends RpcException {
    private static final long serialVersionUID = 1L;

    public RpcTimeoutException(String detail) {
        super(ErrorKind.RPC_TIMEOUT, detail);
    }

    public RpcTimeoutException(String detail, Throwable cause) {
        super(ErrorKind.RPC_TIMEOUT, detail, cause);
    }
}
