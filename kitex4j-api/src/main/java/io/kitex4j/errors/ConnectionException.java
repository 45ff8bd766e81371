package io.kitex4j.errors;

/** No connection could be had: dial failure, connect timeout, or a closed pool. */
public class ConnectionException extends RpcException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String detail) {
        super(ErrorKind.GET_CONNECTION, detail);
    }

    public ConnectionException(String detail, Throwable cause) {
        super(ErrorKind.GET_CONNECTION, detail, cause);
    }
}
