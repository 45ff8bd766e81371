package io.kitex4j.service;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one IDL service: its name, package, payload kind and methods (including those it
 * inherits through Thrift {@code extends}). Generated code provides one per service; a server
 * routes requests by {@link #serviceName()} (TTHeader {@code isn}) and method name.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceDescriptor {
    private final String serviceName;
    private final String packageName;
    private final PayloadKind payloadKind;
    private final Map<String, MethodDescriptor<?, ?>> methods;

    private ServiceDescriptor(Builder b) {
        this.serviceName = b.serviceName;
        this.packageName = b.packageName;
        this.payloadKind = b.payloadKind;
        this.methods = Collections.unmodifiableMap(new LinkedHashMap<>(b.methods));
    }

    public static Builder builder(String serviceName, PayloadKind payloadKind) {
        return new Builder(serviceName, payloadKind);
    }

    /** The IDL service name, e.g. {@code EchoService}. */
    public String serviceName() {
        return serviceName;
    }

    /** The IDL package (Thrift namespace, proto package); may be empty. */
    public String packageName() {
        return packageName;
    }

    public PayloadKind payloadKind() {
        return payloadKind;
    }

    /** The method of that name, or {@code null}. */
    public MethodDescriptor<?, ?> method(String name) {
        return methods.get(name);
    }

    public Collection<MethodDescriptor<?, ?>> methods() {
        return methods.values();
    }

    @Override
    public String toString() {
        return "ServiceDescriptor{" + serviceName + ", " + payloadKind + ", methods=" + methods.keySet() + '}';
    }

    /** Builds a {@link ServiceDescriptor}. Not thread-safe. */
    public static final class Builder {
        private final String serviceName;
        private final PayloadKind payloadKind;
        private String packageName = "";
        private final Map<String, MethodDescriptor<?, ?>> methods = new LinkedHashMap<>();

        private Builder(String serviceName, PayloadKind payloadKind) {
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
            this.payloadKind = Objects.requireNonNull(payloadKind, "payloadKind");
        }

        public Builder packageName(String packageName) {
            this.packageName = Objects.requireNonNull(packageName, "packageName");
            return this;
        }

        /** Adds a method; names must be unique within the service. */
        public Builder method(MethodDescriptor<?, ?> method) {
            if (methods.putIfAbsent(method.name(), method) != null) {
                throw new IllegalArgumentException("duplicate method " + method.name() + " in " + serviceName);
            }
            return this;
        }

        public ServiceDescriptor build() {
            return new ServiceDescriptor(this);
        }
    }
}
