package io.kitex4j.remote.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings a transport is created with. Immutable; built with {@link #builder()}. Defaults follow
 * Kitex (§7.1, §7.7 of the wire fact sheet; §4 for gRPC).
 *
 * <p>The {@code grpc*} settings apply to gRPC over HTTP/2 only. TLS applies to a server's whole
 * port (a TLS client hello is detected on the first byte; after the handshake ALPN {@code h2}
 * selects gRPC and anything else the usual Thrift detection, while plaintext connections keep
 * working) and to a client's gRPC connections.
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
    private final int grpcMaxMessageSize;
    private final int grpcInitialWindowSize;
    private final int grpcInitialConnWindowSize;
    private final int grpcMaxConcurrentStreams;
    private final int grpcMaxHeaderListSize;
    private final Duration grpcKeepaliveTime;
    private final Duration grpcClientKeepaliveTime;
    private final Duration grpcKeepaliveTimeout;
    private final Duration grpcMinPingInterval;
    private final Path tlsCertChainFile;
    private final Path tlsPrivateKeyFile;
    private final Path tlsTrustCertFile;
    private final boolean tlsTrustAll;
    private final String tlsServerName;

    private TransportConfig(Builder b) {
        this.ioThreads = b.ioThreads;
        this.maxFrameSize = b.maxFrameSize;
        this.readWriteTimeout = b.readWriteTimeout;
        this.maxConnectionIdleTime = b.maxConnectionIdleTime;
        this.maxIdlePerAddress = b.maxIdlePerAddress;
        this.maxIdleGlobal = b.maxIdleGlobal;
        this.maxIdleTimeout = b.maxIdleTimeout;
        this.shortConnections = b.shortConnections;
        this.grpcMaxMessageSize = b.grpcMaxMessageSize;
        this.grpcInitialWindowSize = b.grpcInitialWindowSize;
        this.grpcInitialConnWindowSize = Math.max(b.grpcInitialConnWindowSize, b.grpcInitialWindowSize);
        this.grpcMaxConcurrentStreams = b.grpcMaxConcurrentStreams;
        this.grpcMaxHeaderListSize = b.grpcMaxHeaderListSize;
        this.grpcKeepaliveTime = b.grpcKeepaliveTime;
        this.grpcClientKeepaliveTime = b.grpcClientKeepaliveTime;
        this.grpcKeepaliveTimeout = b.grpcKeepaliveTimeout;
        this.grpcMinPingInterval = b.grpcMinPingInterval;
        this.tlsCertChainFile = b.tlsCertChainFile;
        this.tlsPrivateKeyFile = b.tlsPrivateKeyFile;
        this.tlsTrustCertFile = b.tlsTrustCertFile;
        this.tlsTrustAll = b.tlsTrustAll;
        this.tlsServerName = b.tlsServerName;
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

    /**
     * gRPC: the largest message accepted, in bytes, after decompression (default 4 MiB, as
     * grpc-java and grpc-go). A bigger message fails its call with {@code RESOURCE_EXHAUSTED}
     * on whichever side receives it, and its stream is reset; it is never buffered whole.
     */
    public int grpcMaxMessageSize() {
        return grpcMaxMessageSize;
    }

    /**
     * gRPC: the HTTP/2 flow-control window each stream grants its peer, in bytes (default
     * 65535, Kitex's and the HTTP/2 default). Credit is returned only as the application receives
     * messages, so a stream's unread data never exceeds this (plus the message being read).
     */
    public int grpcInitialWindowSize() {
        return grpcInitialWindowSize;
    }

    /**
     * gRPC: the flow-control window of a whole connection, in bytes (default 1 MiB, grpc-java's;
     * never below the stream window; Kitex's {@code WithGRPCInitialConnWindowSize}). Its credit
     * is returned as data arrives, so it bounds the bytes in flight on the connection, not what a
     * slow reader holds. With the HTTP/2 default of 64 KiB, a hundred concurrent 1 KB calls on one
     * connection already wait for WINDOW_UPDATEs; grpc-go grows it by BDP estimation instead.
     */
    public int grpcInitialConnWindowSize() {
        return grpcInitialConnWindowSize;
    }

    /** gRPC server: the most concurrent streams a client may open on one connection (default unlimited). */
    public int grpcMaxConcurrentStreams() {
        return grpcMaxConcurrentStreams;
    }

    /** gRPC: the largest header block (request headers, response headers or trailers) accepted, in bytes (default 64 KiB). */
    public int grpcMaxHeaderListSize() {
        return grpcMaxHeaderListSize;
    }

    /**
     * gRPC server: a connection on which nothing was received for this long gets a PING; see
     * {@link #grpcKeepaliveTimeout()} (default 2 h, Kitex's).
     */
    public Duration grpcKeepaliveTime() {
        return grpcKeepaliveTime;
    }

    /**
     * gRPC client: like {@link #grpcKeepaliveTime()} for the client's connections; {@link Duration#ZERO}
     * (the default) turns client keepalive off.
     */
    public Duration grpcClientKeepaliveTime() {
        return grpcClientKeepaliveTime;
    }

    /** gRPC: a keepalive PING not acknowledged within this closes the connection (default 20 s). */
    public Duration grpcKeepaliveTimeout() {
        return grpcKeepaliveTimeout;
    }

    /**
     * gRPC server: the shortest interval between client PINGs it tolerates (default 10 s). PINGs
     * that come faster while the server sends nothing count as strikes; the third strike gets
     * {@code GOAWAY ENHANCE_YOUR_CALM "too_many_pings"}, as grpc-go and Kitex do.
     */
    public Duration grpcMinPingInterval() {
        return grpcMinPingInterval;
    }

    /** Server TLS: the PEM certificate chain file, or {@code null} when the port has no TLS. */
    public Path tlsCertChainFile() {
        return tlsCertChainFile;
    }

    /** Server TLS: the PEM (PKCS#8) private key file of {@link #tlsCertChainFile()}, or {@code null}. */
    public Path tlsPrivateKeyFile() {
        return tlsPrivateKeyFile;
    }

    /** Whether a server configured with this accepts TLS (certificate and key set). */
    public boolean serverTls() {
        return tlsCertChainFile != null;
    }

    /** Client TLS: the PEM file of trusted certificates, or {@code null}. */
    public Path tlsTrustCertFile() {
        return tlsTrustCertFile;
    }

    /** Client TLS: trust any server certificate. For tests only. */
    /** Client TLS: the host name the server certificate is checked against, or {@code null} for the connected host. */
    public String tlsServerName() {
        return tlsServerName;
    }

    public boolean tlsTrustAll() {
        return tlsTrustAll;
    }

    /** Whether a client configured with this uses TLS for its gRPC connections. */
    public boolean clientTls() {
        return tlsTrustCertFile != null || tlsTrustAll;
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
        private int grpcMaxMessageSize = 4 * 1024 * 1024;
        // Kitex's (and HTTP/2's) default. With real flow control (credit returned only as the
        // application receives), 64 KiB per stream bounds what one slow reader can pin in memory;
        // raise it for bulk transfers over links with a large bandwidth-delay product.
        private int grpcInitialWindowSize = 65535;
        private int grpcInitialConnWindowSize = 1 << 20;
        private int grpcMaxConcurrentStreams = Integer.MAX_VALUE;
        private int grpcMaxHeaderListSize = 64 * 1024;
        private Duration grpcKeepaliveTime = Duration.ofHours(2);
        private Duration grpcClientKeepaliveTime = Duration.ZERO;
        private Duration grpcKeepaliveTimeout = Duration.ofSeconds(20);
        private Duration grpcMinPingInterval = Duration.ofSeconds(10);
        private Path tlsCertChainFile;
        private Path tlsPrivateKeyFile;
        private Path tlsTrustCertFile;
        private boolean tlsTrustAll;
        private String tlsServerName;

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

        /** gRPC: the largest message accepted, in bytes (at least 1 KiB). See {@link TransportConfig#grpcMaxMessageSize()}. */
        public Builder grpcMaxMessageSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("grpcMaxMessageSize must be >= 1024: " + bytes);
            }
            this.grpcMaxMessageSize = bytes;
            return this;
        }

        /** gRPC: the per-stream flow-control window (65535 .. 2^31-1). See {@link TransportConfig#grpcInitialWindowSize()}. */
        public Builder grpcInitialWindowSize(int bytes) {
            if (bytes < 65535) {
                throw new IllegalArgumentException("grpcInitialWindowSize must be >= 65535: " + bytes);
            }
            this.grpcInitialWindowSize = bytes;
            return this;
        }

        /** gRPC: the connection flow-control window (65535 .. 2^31-1). See {@link TransportConfig#grpcInitialConnWindowSize()}. */
        public Builder grpcInitialConnWindowSize(int bytes) {
            if (bytes < 65535) {
                throw new IllegalArgumentException("grpcInitialConnWindowSize must be >= 65535: " + bytes);
            }
            this.grpcInitialConnWindowSize = bytes;
            return this;
        }

        /** gRPC server: concurrent streams per connection (at least 1). */
        public Builder grpcMaxConcurrentStreams(int streams) {
            if (streams < 1) {
                throw new IllegalArgumentException("grpcMaxConcurrentStreams must be >= 1: " + streams);
            }
            this.grpcMaxConcurrentStreams = streams;
            return this;
        }

        /** gRPC: the largest header block accepted, in bytes (at least 1 KiB). */
        public Builder grpcMaxHeaderListSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("grpcMaxHeaderListSize must be >= 1024: " + bytes);
            }
            this.grpcMaxHeaderListSize = bytes;
            return this;
        }

        /**
         * gRPC keepalive: the server pings a connection idle for {@code serverTime}, clients theirs
         * after {@code clientTime} ({@link Duration#ZERO}: never); an unanswered ping closes the
         * connection after {@code timeout}.
         */
        public Builder grpcKeepalive(Duration serverTime, Duration clientTime, Duration timeout) {
            this.grpcKeepaliveTime = positive(serverTime, "grpcKeepalive serverTime");
            Objects.requireNonNull(clientTime, "clientTime");
            if (clientTime.isNegative()) {
                throw new IllegalArgumentException("clientTime must not be negative: " + clientTime);
            }
            this.grpcClientKeepaliveTime = clientTime;
            this.grpcKeepaliveTimeout = positive(timeout, "grpcKeepalive timeout");
            return this;
        }

        /** gRPC server: the shortest client ping interval tolerated. See {@link TransportConfig#grpcMinPingInterval()}. */
        public Builder grpcMinPingInterval(Duration d) {
            Objects.requireNonNull(d, "grpcMinPingInterval");
            if (d.isNegative()) {
                throw new IllegalArgumentException("grpcMinPingInterval must not be negative: " + d);
            }
            this.grpcMinPingInterval = d;
            return this;
        }

        /**
         * Server TLS with ALPN {@code h2}: the PEM certificate chain and its PEM (PKCS#8) private
         * key. The files are read when the server starts.
         */
        public Builder tls(Path certChainFile, Path privateKeyFile) {
            this.tlsCertChainFile = readable(certChainFile, "certChainFile");
            this.tlsPrivateKeyFile = readable(privateKeyFile, "privateKeyFile");
            return this;
        }

        /** Client TLS for gRPC connections, trusting the certificates in this PEM file. */
        public Builder tlsTrust(Path trustCertFile) {
            this.tlsTrustCertFile = readable(trustCertFile, "trustCertFile");
            this.tlsTrustAll = false;
            return this;
        }

        /** Client TLS for gRPC connections, trusting any server certificate. <b>For tests only.</b> */
        /**
         * Client TLS: the host name the server's certificate must match and the SNI sent (default:
         * the host the client connects to). For servers reached by IP address or through a name
         * their certificate does not carry (gRPC's {@code --server_host_override}).
         */
        public Builder tlsServerName(String serverName) {
            this.tlsServerName = Objects.requireNonNull(serverName, "serverName");
            return this;
        }

        public Builder tlsTrustAllForTesting() {
            this.tlsTrustCertFile = null;
            this.tlsTrustAll = true;
            return this;
        }

        private static Path readable(Path p, String name) {
            Objects.requireNonNull(p, name);
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException(name + " is not a readable file: " + p);
            }
            return p;
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
