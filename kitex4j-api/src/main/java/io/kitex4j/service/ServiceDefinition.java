package io.kitex4j.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service as a server hosts it: its {@link ServiceDescriptor} bound to a handler per method.
 * Generated code builds one from the user's implementation; tests and generic services can
 * build one by hand. Immutable once built.
 */
public final class ServiceDefinition {
    private final ServiceDescriptor descriptor;
    private final Map<String, ServerMethod<?, ?>> methods;

    private ServiceDefinition(ServiceDescriptor descriptor, Map<String, ServerMethod<?, ?>> methods) {
        this.descriptor = descriptor;
        this.methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    public static Builder builder(ServiceDescriptor descriptor) {
        return new Builder(descriptor);
    }

    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    /** The bound method of that name, or {@code null}. */
    public ServerMethod<?, ?> method(String name) {
        return methods.get(name);
    }

    public Map<String, ServerMethod<?, ?>> methods() {
        return methods;
    }

    /**
     * One method bound to its handler. Exactly one of {@link #blockingHandler()},
     * {@link #asyncHandler()}, {@link #streamHandler()} and {@link #asyncStreamHandler()} is
     * non-null: the unary ones for ping-pong and oneway methods, the stream ones for streaming
     * methods.
     */
    public static final class ServerMethod<Req, Resp> {
        private final MethodDescriptor<Req, Resp> descriptor;
        private final UnaryHandler<Req, Resp> blockingHandler;
        private final AsyncUnaryHandler<Req, Resp> asyncHandler;
        private final StreamHandler<Req, Resp> streamHandler;
        private final AsyncStreamHandler<Req, Resp> asyncStreamHandler;

        private ServerMethod(MethodDescriptor<Req, Resp> descriptor, UnaryHandler<Req, Resp> blockingHandler,
                             AsyncUnaryHandler<Req, Resp> asyncHandler, StreamHandler<Req, Resp> streamHandler,
                             AsyncStreamHandler<Req, Resp> asyncStreamHandler) {
            this.descriptor = descriptor;
            this.blockingHandler = blockingHandler;
            this.asyncHandler = asyncHandler;
            this.streamHandler = streamHandler;
            this.asyncStreamHandler = asyncStreamHandler;
        }

        public StreamHandler<Req, Resp> streamHandler() {
            return streamHandler;
        }

        public AsyncStreamHandler<Req, Resp> asyncStreamHandler() {
            return asyncStreamHandler;
        }

        public MethodDescriptor<Req, Resp> descriptor() {
            return descriptor;
        }

        public UnaryHandler<Req, Resp> blockingHandler() {
            return blockingHandler;
        }

        public AsyncUnaryHandler<Req, Resp> asyncHandler() {
            return asyncHandler;
        }
    }

    /** Builds a {@link ServiceDefinition}; every method of the descriptor must be bound. */
    public static final class Builder {
        private final ServiceDescriptor descriptor;
        private final Map<String, ServerMethod<?, ?>> methods = new LinkedHashMap<>();

        private Builder(ServiceDescriptor descriptor) {
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        }

        /** Binds a blocking handler to a ping-pong or oneway method. */
        public <Req, Resp> Builder unary(MethodDescriptor<Req, Resp> method, UnaryHandler<Req, Resp> handler) {
            return add(new ServerMethod<>(method, Objects.requireNonNull(handler, "handler"), null, null, null));
        }

        /** Binds a non-blocking handler to a ping-pong or oneway method. */
        public <Req, Resp> Builder asyncUnary(MethodDescriptor<Req, Resp> method, AsyncUnaryHandler<Req, Resp> handler) {
            return add(new ServerMethod<>(method, null, Objects.requireNonNull(handler, "handler"), null, null));
        }

        /** Binds a blocking handler to a streaming method. */
        public <Req, Resp> Builder stream(MethodDescriptor<Req, Resp> method, StreamHandler<Req, Resp> handler) {
            return add(new ServerMethod<>(method, null, null, Objects.requireNonNull(handler, "handler"), null));
        }

        /** Binds a non-blocking handler to a streaming method. */
        public <Req, Resp> Builder asyncStream(MethodDescriptor<Req, Resp> method, AsyncStreamHandler<Req, Resp> handler) {
            return add(new ServerMethod<>(method, null, null, null, Objects.requireNonNull(handler, "handler")));
        }

        private Builder add(ServerMethod<?, ?> m) {
            String name = m.descriptor().name();
            boolean streamHandler = m.streamHandler() != null || m.asyncStreamHandler() != null;
            if (streamHandler != m.descriptor().mode().isStreaming()) {
                throw new IllegalArgumentException("method " + name + " is " + m.descriptor().mode()
                        + ": bind it with " + (streamHandler ? "unary/asyncUnary" : "stream/asyncStream"));
            }
            if (descriptor.method(name) != m.descriptor()) {
                throw new IllegalArgumentException("method " + name + " is not a method of " + descriptor.serviceName());
            }
            if (methods.putIfAbsent(name, m) != null) {
                throw new IllegalArgumentException("method " + name + " bound twice");
            }
            return this;
        }

        public ServiceDefinition build() {
            for (MethodDescriptor<?, ?> m : descriptor.methods()) {
                if (!methods.containsKey(m.name())) {
                    throw new IllegalStateException("method " + m.name() + " of " + descriptor.serviceName() + " has no handler");
                }
            }
            return new ServiceDefinition(descriptor, methods);
        }
    }
}
