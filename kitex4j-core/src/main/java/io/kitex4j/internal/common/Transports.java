package io.kitex4j.internal.common;

import io.kitex4j.remote.transport.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link TransportProvider}s with {@link ServiceLoader}. */
public final class Transports {
    private Transports() {}

    /** The provider named {@code name}, or the highest-priority one when {@code name} is null. */
    public static TransportProvider find(String name) {
        List<TransportProvider> found = new ArrayList<>();
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, Transports.class.getClassLoader())) {
            found.add(p);
        }
        TransportProvider best = null;
        for (TransportProvider p : found) {
            if (name != null ? p.name().equals(name) : (best == null || p.priority() > best.priority())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException(name == null
                    ? "no kitex4j transport on the class path: add io.kitex4j:kitex4j-transport-netty"
                    : "no kitex4j transport named '" + name + "'; found " + found.stream().map(TransportProvider::name).toList());
        }
        return best;
    }
}
