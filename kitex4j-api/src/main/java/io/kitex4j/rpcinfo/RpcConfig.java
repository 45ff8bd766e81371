package io.kitex4j.rpcinfo;

import io.kitex4j.service.InteractionMode;
import java.time.Duration;

/** The effective settings of one call, after client defaults and per-call options. */
public interface RpcConfig {

    /** The RPC timeout; {@link Duration#ZERO} means none. */
    Duration rpcTimeout();

    Duration connectTimeout();

    /** Read/write timeout of the transport while a message is in progress. */
    Duration readWriteTimeout();

    TransportProtocol transportProtocol();

    PayloadProtocol payloadProtocol();

    InteractionMode interactionMode();
}
