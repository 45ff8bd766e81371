package io.kitex4j.errors;

/** The resolver could not produce instances for the target service. */
public class ServiceDiscoveryException extends RpcException {
    private static final long serialVersionUID = 1L;

    public ServiceDiscoveryException(String detail) {
        super(ErrorKind.SERVICE_DISCOVERY, detail);
    }

    public ServiceDiscoveryException(String detail, Throwable cause) {
        super(ErrorKind.SERVICE_DISCOVERY, detail, cause);
    }
}
