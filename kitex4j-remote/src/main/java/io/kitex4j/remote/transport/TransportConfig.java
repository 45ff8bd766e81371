package io.kitex4j.remote.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings a transport is created with. Immutable; built with {@link #builder()}. Defaults follow
 * Kitex (§7.1, §7.7 of the wire fact sheet).
 */
public final class TransportConfig {
    private final int ioThreads;
    private final int maxFrameSize;
    private final Duration readWriteTimeout;
    private final Duration maxConnectionIdleTime;
    private final int maxIdlePerAddress;
    private final int maxIdleGlobal;
    private final Duration maxIdleTimeout;
    private final boolean shortConnections;

    private TransportConfig(Builder b) {
        this.ioThreads = b.ioThreads;
        this.maxFrameSize = b.maxFrameSize;
        this.readWriteTimeout = b.readWriteTimeout;
        this.maxConnectionIdleTime = b.maxConnectionIdleTime;
        this.maxIdlePerAddress = b.maxIdlePerAddress;
        this.maxIdleGlobal = b.maxIdleGlobal;
        this.maxIdleTimeout = b.maxIdleTimeout;
        this.shortConnections = b.shortConnections;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** I/O threads; 0 means Netty's default (2 × cores). */
    public int ioThreads() {
        return ioThreads;
    }

    /** Largest frame accepted or sent, in bytes (default 16 MiB). */
    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Time allowed to read one whole message once its first byte arrived (default 5 s). */
    public Duration readWriteTimeout() {
        return readWriteTimeout;
    }

    /** Server: idle connections are closed after this (default 10 min). */
    public Duration maxConnectionIdleTime() {
        return maxConnectionIdleTime;
    }

    /** Client pool: idle connections kept per address (default 10). */
    public int maxIdlePerAddress() {
        return maxIdlePerAddress;
    }

    /** Client pool: idle connections kept in all (default 100). */
    public int maxIdleGlobal() {
        return maxIdleGlobal;
    }

    /** Client pool: idle connections older than this are closed (default 1 min). */
    public Duration maxIdleTimeout() {
        return maxIdleTimeout;
    }

    /** Client: one connection per call, closed afterwards. */
    public boolean shortConnections() {
        return shortConnections;
    }

    /** Builder with Kitex's defaults. */
    public static final class Builder {
        private int ioThreads;
        private int maxFrameSize = 16 * 1024 * 1024;
        private Duration readWriteTimeout = Duration.ofSeconds(5);
        private Duration maxConnectionIdleTime = Duration.ofMinutes(10);
        private int maxIdlePerAddress = 10;
        private int maxIdleGlobal = 100;
        private Duration maxIdleTimeout = Duration.ofMinutes(1);
        private boolean shortConnections;

        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 0) {
                throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder maxFrameSize(int maxFrameSize) {
            if (maxFrameSize < 64) {
                throw new IllegalArgumentException("maxFrameSize must be >= 64: " + maxFrameSize);
            }
            this.maxFrameSize = maxFrameSize;
            return this;
        }

        public Builder readWriteTimeout(Duration d) {
            this.readWriteTimeout = positive(d, "readWriteTimeout");
            return this;
        }

        public Builder maxConnectionIdleTime(Duration d) {
            this.maxConnectionIdleTime = positive(d, "maxConnectionIdleTime");
            return this;
        }

        /** Long-connection pool sizes, with Kitex's rules (per address ≥ 1, global ≥ per address). */
        public Builder pool(int maxIdlePerAddress, int maxIdleGlobal, Duration maxIdleTimeout) {
            this.maxIdlePerAddress = Math.max(1, maxIdlePerAddress);
            this.maxIdleGlobal = Math.max(this.maxIdlePerAddress, maxIdleGlobal);
            this.maxIdleTimeout = positive(maxIdleTimeout, "maxIdleTimeout");
            this.shortConnections = false;
            return this;
        }

        public Builder shortConnections(boolean shortConnections) {
            this.shortConnections = shortConnections;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        public TransportConfig build() {
            return new TransportConfig(this);
        }
    }
}
