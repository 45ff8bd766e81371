package io.kitex4j.context;

import io.kitex4j.rpcinfo.RpcInfo;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The context of a call: its {@link RpcInfo}, its {@link Metainfo}, backward values and
 * attributes (for tracers). It plays the role of Go's {@code context.Context} in Kitex.
 *
 * <p>Contexts are immutable; {@code with...} methods return derived contexts. The context of
 * the current thread is {@link #current()}: the framework makes a server call's context current
 * while a blocking handler runs, so a downstream call made from the handler carries the right
 * metainfo on without any parameter. To send metainfo from outside a handler:
 *
 * <pre>{@code
 * RpcContext ctx = RpcContext.current().withValue("k", "v").withBackwardReceiver();
 * EchoResponse r = ctx.call(() -> client.echo(request));
 * String b = ctx.receivedBackwardValues().get("some_key");
 * }</pre>
 *
 * Asynchronous code captures a context once and passes it along or re-attaches it with
 * {@link #attach()}.
 */
public final class RpcContext {
    private static final RpcContext ROOT = new RpcContext(null, Metainfo.EMPTY, null, null, Map.of());
    private static final ThreadLocal<RpcContext> CURRENT = new ThreadLocal<>();

    private final RpcInfo rpcInfo;
    private final Metainfo metainfo;
    private final BackwardValues backwardOut;
    private final BackwardValues backwardIn;
    private final Map<Key<?>, Object> attributes;

    RpcContext(RpcInfo rpcInfo, Metainfo metainfo, BackwardValues backwardOut, BackwardValues backwardIn,
               Map<Key<?>, Object> attributes) {
        this.rpcInfo = rpcInfo;
        this.metainfo = metainfo;
        this.backwardOut = backwardOut;
        this.backwardIn = backwardIn;
        this.attributes = attributes;
    }

    /** The empty context: no call, no metainfo. */
    public static RpcContext root() {
        return ROOT;
    }

    /** The context attached to this thread, or {@link #root()}. */
    public static RpcContext current() {
        RpcContext c = CURRENT.get();
        return c != null ? c : ROOT;
    }

    /** The call this context belongs to, or {@code null} outside any call. */
    public RpcInfo rpcInfo() {
        return rpcInfo;
    }

    public Metainfo metainfo() {
        return metainfo;
    }

    public RpcContext withMetainfo(Metainfo metainfo) {
        return new RpcContext(rpcInfo, Objects.requireNonNull(metainfo, "metainfo"), backwardOut, backwardIn, attributes);
    }

    /** Derives a context with a transient value (one hop). */
    public RpcContext withValue(String key, String value) {
        return withMetainfo(metainfo.withValue(key, value));
    }

    /** Derives a context with a persistent value (whole chain). */
    public RpcContext withPersistentValue(String key, String value) {
        return withMetainfo(metainfo.withPersistentValue(key, value));
    }

    /** Derives a context that collects the backward values of calls made under it. */
    public RpcContext withBackwardReceiver() {
        return new RpcContext(rpcInfo, metainfo, backwardOut, new BackwardValues(), attributes);
    }

    /** Backward values received by calls made under this context (see {@link #withBackwardReceiver()}). */
    public Map<String, String> receivedBackwardValues() {
        return backwardIn == null ? Map.of() : backwardIn.asMap();
    }

    /**
     * Sends a value back to the caller of the current server call. Returns {@code false} outside
     * a server call (nothing to send it with). Over gRPC backward values are not carried, as in Kitex.
     */
    public boolean sendBackwardValue(String key, String value) {
        if (backwardOut == null) {
            return false;
        }
        backwardOut.put(key, value);
        return true;
    }

    /** A typed attribute, or {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> T attribute(Key<T> key) {
        return (T) attributes.get(key);
    }

    public <T> RpcContext withAttribute(Key<T> key, T value) {
        Map<Key<?>, Object> m = new java.util.HashMap<>(attributes);
        m.put(Objects.requireNonNull(key, "key"), value);
        return new RpcContext(rpcInfo, metainfo, backwardOut, backwardIn, Map.copyOf(m));
    }

    /** Makes this context current on this thread until the returned scope is closed. */
    public Scope attach() {
        RpcContext previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(previous);
    }

    /** Runs {@code task} with this context current. */
    public void run(Runnable task) {
        try (Scope ignored = attach()) {
            task.run();
        }
    }

    /** Calls {@code task} with this context current, returning its result. */
    public <V> V call(Callable<V> task) throws Exception {
        try (Scope ignored = attach()) {
            return task.call();
        }
    }

    BackwardValues backwardOut() {
        return backwardOut;
    }

    BackwardValues backwardIn() {
        return backwardIn;
    }

    RpcContext withCall(RpcInfo info, BackwardValues out) {
        return new RpcContext(info, metainfo, out, backwardIn, attributes);
    }

    /** Restores the previously current context when closed. Close on the thread that attached. */
    public static final class Scope implements AutoCloseable {
        private final RpcContext previous;

        Scope(RpcContext previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            // Setting the root rather than removing the entry keeps the thread-local map from
            // churning on threads (I/O threads, pools) that run one call after another.
            CURRENT.set(previous == null ? ROOT : previous);
        }
    }

    /**
     * A typed attribute key; keys compare by identity.
     *
     * @param <T> the value type
     */
    public static final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = name;
        }

        public static <T> Key<T> of(String name) {
            return new Key<>(Objects.requireNonNull(name, "name"));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
