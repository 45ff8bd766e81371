package io.kitex4j.context;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe bag of backward metainfo: on the server the values a handler sends back to its
 * caller; on the client the values received with the response (every string key of the
 * response header, as Kitex does).
 */
public final class BackwardValues {
    /** Created on the first put: most calls send no backward values. */
    private volatile Map<String, String> values;

    private Map<String, String> values() {
        Map<String, String> v = values;
        if (v == null) {
            synchronized (this) {
                v = values;
                if (v == null) {
                    v = new ConcurrentHashMap<>(4);
                    values = v;
                }
            }
        }
        return v;
    }

    /** Adds a value; empty keys or values are ignored. */
    public void put(String key, String value) {
        if (key != null && !key.isEmpty() && value != null && !value.isEmpty()) {
            values().put(key, value);
        }
    }

    public void putAll(Map<String, String> all) {
        all.forEach(this::put);
    }

    public String get(String key) {
        Map<String, String> v = values;
        return v == null ? null : v.get(key);
    }

    public boolean isEmpty() {
        Map<String, String> v = values;
        return v == null || v.isEmpty();
    }

    /** A read-only live view. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values());
    }
}
