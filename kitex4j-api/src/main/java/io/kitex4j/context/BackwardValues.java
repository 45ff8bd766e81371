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
    private final Map<String, String> values = new ConcurrentHashMap<>(4);

    /** Adds a value; empty keys or values are ignored. */
    public void put(String key, String value) {
        if (key != null && !key.isEmpty() && value != null && !value.isEmpty()) {
            values.put(key, value);
        }
    }

    public void putAll(Map<String, String> all) {
        all.forEach(this::put);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A read-only live view. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
