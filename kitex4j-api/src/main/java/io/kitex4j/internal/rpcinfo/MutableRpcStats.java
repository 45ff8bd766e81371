package io.kitex4j.internal.rpcinfo;

import io.kitex4j.rpcinfo.RpcStats;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.StatsLevel;
import java.util.Arrays;

/** The framework's writable {@link RpcStats}: a timestamp per event, recorded when the level allows. */
public final class MutableRpcStats implements RpcStats {
    private static final int EVENTS = StatsEvent.values().length;

    private final StatsLevel level;
    private final long[] times;
    private volatile long sendSize;
    private volatile long recvSize;
    private volatile Throwable error;

    public MutableRpcStats(StatsLevel level) {
        this.level = level;
        this.times = level == StatsLevel.DISABLED ? null : new long[EVENTS];
        if (times != null) {
            Arrays.fill(times, -1L);
        }
    }

    /** Records {@code event} now if the level allows. */
    public void record(StatsEvent event) {
        if (times != null && level.records(event.level())) {
            times[event.ordinal()] = System.nanoTime();
        }
    }

    @Override
    public StatsLevel level() {
        return level;
    }

    @Override
    public long eventNanos(StatsEvent event) {
        return times == null ? -1L : times[event.ordinal()];
    }

    @Override
    public long sendSize() {
        return sendSize;
    }

    @Override
    public long recvSize() {
        return recvSize;
    }

    @Override
    public Throwable error() {
        return error;
    }

    public void setSendSize(long sendSize) {
        this.sendSize = sendSize;
    }

    public void setRecvSize(long recvSize) {
        this.recvSize = recvSize;
    }

    public void setError(Throwable error) {
        this.error = error;
    }
}
