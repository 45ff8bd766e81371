package io.kitex4j.remote.internal.ttheader;

/**
 * TTHeader constants: frame magic and limits, FLAGS bits, PROTOCOL IDs, INFO block ids, the
 * integer keys of the 0x10 block, the well-known string keys of the 0x01 block and the metainfo
 * prefixes (gopkg {@code protocol/ttheader}, Kitex {@code pkg/remote/transmeta},
 * bytedance/gopkg {@code cloud/metainfo}).
 */
public final class TTHeaderKeys {
    private TTHeaderKeys() {}

    // ---- frame ----------------------------------------------------------------------------

    /** u16 at offset 4 of every TTHeader frame. */
    public static final int MAGIC = 0x1000;
    /** The u32 at offset 4, masked with {@link #MAGIC_MASK}, equals this for TTHeader. */
    public static final int MAGIC_U32 = 0x1000_0000;
    public static final int MAGIC_MASK = 0xFFFF_0000;
    /** LENGTH(4) MAGIC(2) FLAGS(2) SEQ ID(4) HEADER SIZE(2). */
    public static final int FIXED_HEADER_SIZE = 14;
    /** Largest header info (protocol id to padding) in bytes: 4 * 65535. */
    public static final int MAX_HEADER_SIZE = 262_140;
    /** Interop ceiling for Kitex/gopkg older than commit b554bc2 (their limit was 65536). */
    public static final int LEGACY_MAX_HEADER_SIZE = 65_532;
    /** Longest key or value string (u16 length prefix). */
    public static final int MAX_STRING_SIZE = 65_535;

    // ---- FLAGS ----------------------------------------------------------------------------

    public static final int FLAG_SUPPORT_OUT_OF_ORDER = 0x0001;
    public static final int FLAG_STREAMING = 0x0002;
    public static final int FLAG_DUPLEX_REVERSE = 0x0008;
    public static final int FLAG_SASL = 0x0010;

    // ---- PROTOCOL ID ----------------------------------------------------------------------

    public static final int PROTOCOL_THRIFT_BINARY = 0x00;
    /** Defined but not supported by Kitex; its decoder rejects it. */
    public static final int PROTOCOL_THRIFT_COMPACT = 0x02;
    /** Accepted by Kitex for compatibility only. */
    public static final int PROTOCOL_THRIFT_COMPACT_V2 = 0x03;
    /** Never written by Kitex (it writes 0x00 and sniffs the payload). */
    public static final int PROTOCOL_KITEX_PROTOBUF = 0x04;
    /** TTHeader Streaming: bare thrift struct. */
    public static final int PROTOCOL_THRIFT_STRUCT = 0x10;
    /** TTHeader Streaming: bare protobuf message. */
    public static final int PROTOCOL_PROTOBUF_STRUCT = 0x11;

    // ---- INFO ids -------------------------------------------------------------------------

    public static final int INFO_PADDING = 0x00;
    public static final int INFO_KEY_VALUE = 0x01;
    public static final int INFO_INT_KEY_VALUE = 0x10;
    public static final int INFO_ACL_TOKEN = 0x11;

    // ---- integer keys (0x10 block); all values are strings ---------------------------------

    public static final int MESH_VERSION = 0;
    /** {@code "framed"} or {@code "unframed"}. */
    public static final int TRANSPORT_TYPE = 1;
    public static final int LOG_ID = 2;
    public static final int FROM_SERVICE = 3;
    public static final int FROM_CLUSTER = 4;
    public static final int FROM_IDC = 5;
    public static final int TO_SERVICE = 6;
    public static final int TO_CLUSTER = 7;
    public static final int TO_IDC = 8;
    public static final int TO_METHOD = 9;
    public static final int ENV = 10;
    public static final int DEST_ADDRESS = 11;
    /** Decimal milliseconds. */
    public static final int RPC_TIMEOUT = 12;
    public static final int READ_TIMEOUT = 13;
    public static final int RING_HASH_KEY = 14;
    public static final int DDP_TAG = 15;
    public static final int WITH_MESH_HEADER = 16;
    /** Decimal milliseconds. */
    public static final int CONNECT_TIMEOUT = 17;
    public static final int SPAN_CONTEXT = 18;
    public static final int SHORT_CONNECTION = 19;
    public static final int FROM_METHOD = 20;
    public static final int STRESS_TAG = 21;
    /** Decimal message type: "1" call, "2" reply, "3" exception, "4" oneway. */
    public static final int MSG_TYPE = 22;
    public static final int HTTP_CONTENT_TYPE = 23;
    public static final int RAW_RING_HASH_KEY = 24;
    public static final int LB_TYPE = 25;
    public static final int CLUSTER_SHARD_ID = 26;
    /** TTHeader Streaming frame type, see {@code FRAME_TYPE_*}. */
    public static final int FRAME_TYPE = 27;
    /**
     * TTHeader Streaming whole-stream timeout (ms). Defined only in newer gopkg releases; not in
     * the fact sheet and not written by Kitex v0.16.
     */
    public static final int STREAM_TIMEOUT = 28;

    public static final String TRANSPORT_FRAMED = "framed";
    public static final String TRANSPORT_UNFRAMED = "unframed";

    public static final String FRAME_TYPE_META = "1";
    public static final String FRAME_TYPE_HEADER = "2";
    public static final String FRAME_TYPE_DATA = "3";
    public static final String FRAME_TYPE_TRAILER = "4";
    public static final String FRAME_TYPE_RST = "5";

    // ---- string keys (0x01 block) ---------------------------------------------------------

    /** IDL service name. */
    public static final String IDL_SERVICE_NAME = "isn";
    public static final String REMOTE_ADDR = "rip";
    public static final String TO_CLUSTER_STR = "tc";
    public static final String TO_IDC_STR = "ti";
    public static final String PERF_CONN_START = "pcs";
    public static final String PERF_CONN_END = "pce";
    public static final String PERF_SEND_START = "pss";
    public static final String PERF_RECV_START = "prs";
    public static final String PERF_RECV_END = "pre";
    /** Connection ready to reset: the peer will close the connection; do not reuse it. */
    public static final String CONNECTION_READY_TO_RESET = "crrst";
    public static final String PROCESS_AT_TIME = "K_ProcessAtTime";
    /** 8 hex chars, big-endian CRC-32C of the payload. */
    public static final String CRC32C = "crc32c";
    /** TTHeader Streaming cancel path, {@code "A,B,C"}. */
    public static final String TTSTREAM_CANCEL_PATH = "ttscp";
    public static final String BIZ_STATUS = "biz-status";
    public static final String BIZ_MESSAGE = "biz-message";
    /** JSON object of string to string. */
    public static final String BIZ_EXTRA = "biz-extra";
    /** Prefix of custom payload-validator values. */
    public static final String PAYLOAD_VALIDATOR_PREFIX = "PV_";

    // ---- metainfo -------------------------------------------------------------------------

    public static final String PREFIX_TRANSIENT = "RPC_TRANSIT_";
    public static final String PREFIX_PERSISTENT = "RPC_PERSIST_";
    public static final String PREFIX_TRANSIENT_UPSTREAM = "RPC_TRANSIT_UPSTREAM_";
    /** Persistent retry marker: value is the attempt index. */
    public static final String RETRY_REQ = PREFIX_PERSISTENT + "RetryReq";

    /** strInfo key of the ACL token; the codec moves it to/from the 0x11 block. */
    public static final String ACL_TOKEN_KEY = PREFIX_TRANSIENT + "gdpr-token";
}
