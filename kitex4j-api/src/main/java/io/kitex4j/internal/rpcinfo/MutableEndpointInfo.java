package io.kitex4j.internal.rpcinfo;

import io.kitex4j.rpcinfo.EndpointInfo;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/** The framework's writable {@link EndpointInfo}. Written by the call's owner, published to readers by the call's futures. */
public final class MutableEndpointInfo implements EndpointInfo {
    private String serviceName;
    private String method;
    private volatile InetSocketAddress address;
    private Map<String, String> tags = Map.of();

    public MutableEndpointInfo(String serviceName, String method) {
        this.serviceName = serviceName == null ? "" : serviceName;
        this.method = method == null ? "" : method;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String tag(String key) {
        return tags.get(key);
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName == null ? "" : serviceName;
    }

    public void setMethod(String method) {
        this.method = method == null ? "" : method;
    }

    public void setAddress(InetSocketAddress address) {
        this.address = address;
    }

    public void setTags(Map<String, String> tags) {
        this.tags = tags.isEmpty() ? Map.of() : Map.copyOf(new HashMap<>(tags));
    }

    @Override
    public String toString() {
        return "{service=" + serviceName + ", method=" + method + ", address=" + address + '}';
    }
}
