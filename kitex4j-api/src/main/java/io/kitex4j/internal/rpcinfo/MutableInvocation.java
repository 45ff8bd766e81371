package io.kitex4j.internal.rpcinfo;

import io.kitex4j.rpcinfo.Invocation;

/** The framework's writable {@link Invocation}. */
public final class MutableInvocation implements Invocation {
    private String packageName;
    private String serviceName;
    private String methodName;
    private int seqId;

    public MutableInvocation(String packageName, String serviceName, String methodName) {
        this.packageName = packageName == null ? "" : packageName;
        this.serviceName = serviceName == null ? "" : serviceName;
        this.methodName = methodName == null ? "" : methodName;
    }

    @Override
    public String packageName() {
        return packageName;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String methodName() {
        return methodName;
    }

    @Override
    public int seqId() {
        return seqId;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName == null ? "" : serviceName;
    }

    public void setPackageName(String packageName) {
        this.packageName = packageName == null ? "" : packageName;
    }

    public void setMethodName(String methodName) {
        this.methodName = methodName == null ? "" : methodName;
    }

    public void setSeqId(int seqId) {
        this.seqId = seqId;
    }

    @Override
    public String toString() {
        return "{" + serviceName + "." + methodName + ", seq=" + seqId + '}';
    }
}
