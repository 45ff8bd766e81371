package io.kitex4j.stats;

/** Events recorded in {@link io.kitex4j.rpcinfo.RpcStats}, named after Kitex's {@code stats} events. */
public enum StatsEvent {
    RPC_START(StatsLevel.BASE),
    RPC_FINISH(StatsLevel.BASE),
    SERVER_HANDLE_START(StatsLevel.DETAILED),
    SERVER_HANDLE_FINISH(StatsLevel.DETAILED),
    CLIENT_CONN_START(StatsLevel.DETAILED),
    CLIENT_CONN_FINISH(StatsLevel.DETAILED),
    READ_START(StatsLevel.DETAILED),
    READ_FINISH(StatsLevel.DETAILED),
    WAIT_READ_START(StatsLevel.DETAILED),
    WAIT_READ_FINISH(StatsLevel.DETAILED),
    WRITE_START(StatsLevel.DETAILED),
    WRITE_FINISH(StatsLevel.DETAILED),
    STREAM_START(StatsLevel.DETAILED),
    STREAM_RECV(StatsLevel.DETAILED),
    STREAM_SEND(StatsLevel.DETAILED),
    STREAM_RECV_HEADER(StatsLevel.DETAILED),
    STREAM_FINISH(StatsLevel.DETAILED);

    private final StatsLevel level;

    StatsEvent(StatsLevel level) {
        this.level = level;
    }

    /** The lowest level at which this event is recorded. */
    public StatsLevel level() {
        return level;
    }
}
