package io.kitex4j.errors;

/** The load balancer could not pick an instance. */
public class LoadBalanceException extends RpcException {
    private static final long serialVersionUID = 1L;

    public LoadBalanceException(String detail) {
        super(ErrorKind.LOADBALANCE, detail);
    }

    public LoadBalanceException(String detail, Throwable cause) {
        super(ErrorKind.LOADBALANCE, detail, cause);
    }
}
