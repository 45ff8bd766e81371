package io.kitex4j.remote.internal.ttheader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutable holder for one TTHeader frame header: FLAGS, SEQ ID, PROTOCOL ID and the integer and
 * string key/value infos. Reusable through {@link #clear()}. Not thread-safe.
 *
 * <p>The ACL token (INFO 0x11) lives in {@link #strInfo()} under
 * {@link TTHeaderKeys#ACL_TOKEN_KEY}, as in Kitex. The maps are insertion-ordered and created on
 * first use; {@link #intInfoOrNull()} / {@link #strInfoOrNull()} read them without creating them.
 */
public final class TTHeader {
    private int flags;
    private int seqId;
    private int protocolId;
    private LinkedHashMap<Integer, String> intInfo;
    private LinkedHashMap<String, String> strInfo;

    public TTHeader() {}

    public TTHeader(int flags, int seqId, int protocolId) {
        setFlags(flags);
        this.seqId = seqId;
        setProtocolId(protocolId);
    }

    /** FLAGS, 0..0xFFFF. */
    public int flags() {
        return flags;
    }

    public TTHeader setFlags(int flags) {
        if ((flags & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("TTHeader flags out of u16 range: " + flags);
        }
        this.flags = flags;
        return this;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** FLAGS has {@link TTHeaderKeys#FLAG_STREAMING}. */
    public boolean isStreaming() {
        return (flags & TTHeaderKeys.FLAG_STREAMING) != 0;
    }

    public int seqId() {
        return seqId;
    }

    public TTHeader setSeqId(int seqId) {
        this.seqId = seqId;
        return this;
    }

    /** PROTOCOL ID, 0..0xFF. */
    public int protocolId() {
        return protocolId;
    }

    public TTHeader setProtocolId(int protocolId) {
        if ((protocolId & ~0xFF) != 0) {
            throw new IllegalArgumentException("TTHeader protocol id out of u8 range: " + protocolId);
        }
        this.protocolId = protocolId;
        return this;
    }

    /** The integer-key infos (0x10 block), created on first use. Live and mutable. */
    public Map<Integer, String> intInfo() {
        LinkedHashMap<Integer, String> m = intInfo;
        if (m == null) {
            intInfo = m = new LinkedHashMap<>();
        }
        return m;
    }

    /** The string-key infos (0x01 block plus the ACL token), created on first use. Live and mutable. */
    public Map<String, String> strInfo() {
        LinkedHashMap<String, String> m = strInfo;
        if (m == null) {
            strInfo = m = new LinkedHashMap<>();
        }
        return m;
    }

    /** The integer-key map, or {@code null} if it was never created. */
    public Map<Integer, String> intInfoOrNull() {
        return intInfo;
    }

    /** The string-key map, or {@code null} if it was never created. */
    public Map<String, String> strInfoOrNull() {
        return strInfo;
    }

    public String getInt(int key) {
        return intInfo == null ? null : intInfo.get(key);
    }

    public TTHeader putInt(int key, String value) {
        intInfo().put(key, value);
        return this;
    }

    public String getStr(String key) {
        return strInfo == null ? null : strInfo.get(key);
    }

    public TTHeader putStr(String key, String value) {
        strInfo().put(key, value);
        return this;
    }

    /** The ACL token ({@link TTHeaderKeys#ACL_TOKEN_KEY}), or {@code null}. */
    public String aclToken() {
        return getStr(TTHeaderKeys.ACL_TOKEN_KEY);
    }

    public TTHeader setAclToken(String token) {
        return putStr(TTHeaderKeys.ACL_TOKEN_KEY, token);
    }

    /** Resets every field and empties the maps (keeping them for reuse). */
    public TTHeader clear() {
        flags = 0;
        seqId = 0;
        protocolId = 0;
        if (intInfo != null) {
            intInfo.clear();
        }
        if (strInfo != null) {
            strInfo.clear();
        }
        return this;
    }

    private static boolean isEmpty(Map<?, ?> m) {
        return m == null || m.isEmpty();
    }

    /** Equal fields and equal maps, ignoring entry order; a missing map equals an empty one. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TTHeader)) {
            return false;
        }
        TTHeader h = (TTHeader) o;
        return flags == h.flags && seqId == h.seqId && protocolId == h.protocolId
                && mapEquals(intInfo, h.intInfo) && mapEquals(strInfo, h.strInfo);
    }

    private static boolean mapEquals(Map<?, ?> a, Map<?, ?> b) {
        return isEmpty(a) ? isEmpty(b) : a.equals(b);
    }

    @Override
    public int hashCode() {
        int h = (flags * 31 + seqId) * 31 + protocolId;
        h = h * 31 + (isEmpty(intInfo) ? 0 : intInfo.hashCode());
        return h * 31 + (isEmpty(strInfo) ? 0 : strInfo.hashCode());
    }

    @Override
    public String toString() {
        return "TTHeader{flags=0x" + Integer.toHexString(flags) + ", seqId=" + seqId
                + ", protocolId=0x" + Integer.toHexString(protocolId)
                + ", intInfo=" + (intInfo == null ? "{}" : intInfo)
                + ", strInfo=" + (strInfo == null ? "{}" : strInfo) + '}';
    }
}
