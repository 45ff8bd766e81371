package io.kitex4j.internal.client;

import java.util.concurrent.atomic.AtomicInteger;

/** Kitex's process-global sequence id: an int32 counter that skips 0 (reserved for control frames). */
final class SeqIds {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private SeqIds() {}

    static int next() {
        int id;
        do {
            id = NEXT.incrementAndGet();
        } while (id == 0);
        return id;
    }
}
