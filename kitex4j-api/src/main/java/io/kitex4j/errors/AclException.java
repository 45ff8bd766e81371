package io.kitex4j.errors;

/** The request was forbidden by an access-control rule. */
public class AclException extends RpcException {
    private static final long serialVersionUID = 1L;

    public AclException(String detail) {
        super(ErrorKind.ACL, detail);
    }

    public AclException(String detail, Throwable cause) {
        super(ErrorKind.ACL, detail, cause);
    }
}
