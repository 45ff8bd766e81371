package io.kitex4j.context;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Key/value metadata that travels with calls, with Kitex's three kinds
 * ({@code bytedance/gopkg cloud/metainfo}):
 * <ul>
 *   <li><b>transient</b> values reach exactly one downstream hop ({@code RPC_TRANSIT_} on the wire);</li>
 *   <li><b>upstream</b> ("stale") values are the transient values received from the caller: readable
 *       through {@link #value(String)} but not sent further;</li>
 *   <li><b>persistent</b> values travel the whole call chain ({@code RPC_PERSIST_}).</li>
 * </ul>
 * Backward values (sent by a server back to its caller) live in {@link RpcContext}.
 *
 * <p>Immutable: every {@code with...} returns a new instance. Empty keys or values are ignored,
 * as Kitex ignores them. Thread-safe.
 */
public final class Metainfo {
    /** No values at all. */
    public static final Metainfo EMPTY = new Metainfo(Map.of(), Map.of(), Map.of());

    private final Map<String, String> transientValues;
    private final Map<String, String> upstreamValues;
    private final Map<String, String> persistentValues;

    private Metainfo(Map<String, String> transientValues, Map<String, String> upstreamValues,
                     Map<String, String> persistentValues) {
        this.transientValues = transientValues;
        this.upstreamValues = upstreamValues;
        this.persistentValues = persistentValues;
    }

    /** Builds metainfo from explicit maps (copied; empty keys or values dropped). */
    public static Metainfo of(Map<String, String> transientValues, Map<String, String> upstreamValues,
                              Map<String, String> persistentValues) {
        Metainfo m = new Metainfo(copy(transientValues), copy(upstreamValues), copy(persistentValues));
        return m.isEmpty() ? EMPTY : m;
    }

    private static Map<String, String> copy(Map<String, String> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>(in.size() * 2);
        in.forEach((k, v) -> {
            if (k != null && !k.isEmpty() && v != null && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
    }

    private static Map<String, String> with(Map<String, String> in, String key, String value) {
        Map<String, String> out = new HashMap<>(in);
        out.put(key, value);
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> without(Map<String, String> in, String key) {
        if (!in.containsKey(key)) {
            return in;
        }
        Map<String, String> out = new HashMap<>(in);
        out.remove(key);
        return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
    }

    private static boolean invalid(String key, String value) {
        return key == null || key.isEmpty() || value == null || value.isEmpty();
    }

    /** Adds a transient value (one hop). */
    public Metainfo withValue(String key, String value) {
        if (invalid(key, value)) {
            return this;
        }
        return new Metainfo(with(transientValues, key, value), upstreamValues, persistentValues);
    }

    /** Adds a persistent value (whole chain). */
    public Metainfo withPersistentValue(String key, String value) {
        if (invalid(key, value)) {
            return this;
        }
        return new Metainfo(transientValues, upstreamValues, with(persistentValues, key, value));
    }

    /** Removes a transient (and upstream) value. */
    public Metainfo withoutValue(String key) {
        return new Metainfo(without(transientValues, key), without(upstreamValues, key), persistentValues);
    }

    /** Removes a persistent value. */
    public Metainfo withoutPersistentValue(String key) {
        return new Metainfo(transientValues, upstreamValues, without(persistentValues, key));
    }

    /** A transient value, else the upstream value of that key, else {@code null} (Kitex {@code GetValue}). */
    public String value(String key) {
        String v = transientValues.get(key);
        return v != null ? v : upstreamValues.get(key);
    }

    /** A persistent value, or {@code null}. */
    public String persistentValue(String key) {
        return persistentValues.get(key);
    }

    public Map<String, String> transientValues() {
        return transientValues;
    }

    public Map<String, String> upstreamValues() {
        return upstreamValues;
    }

    public Map<String, String> persistentValues() {
        return persistentValues;
    }

    public boolean isEmpty() {
        return transientValues.isEmpty() && upstreamValues.isEmpty() && persistentValues.isEmpty();
    }

    /**
     * Kitex's {@code TransferForward}: transient values become upstream values and the old
     * upstream values are dropped. Applied when a call is sent and when one is received, which
     * is why a transient value reaches exactly one hop.
     */
    public Metainfo transferForward() {
        if (transientValues.isEmpty() && upstreamValues.isEmpty()) {
            return this;
        }
        return new Metainfo(Map.of(), transientValues, persistentValues);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Metainfo)) {
            return false;
        }
        Metainfo m = (Metainfo) o;
        return transientValues.equals(m.transientValues) && upstreamValues.equals(m.upstreamValues)
                && persistentValues.equals(m.persistentValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transientValues, upstreamValues, persistentValues);
    }

    @Override
    public String toString() {
        return "Metainfo{transient=" + transientValues + ", upstream=" + upstreamValues
                + ", persistent=" + persistentValues + '}';
    }
}
