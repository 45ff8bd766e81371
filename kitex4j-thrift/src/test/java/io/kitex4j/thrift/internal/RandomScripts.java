package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import java.util.Random;
import java.util.UUID;

/**
 * Generates random but well-formed Thrift messages as {@link Script}s: nested structs with field
 * ids that exercise short and long delta forms (including negative and decreasing ids), every
 * value type, numeric extremes, strings with 1- to 4-byte UTF-8, and containers both empty and
 * above the compact short-form limit of 14 elements.
 */
final class RandomScripts {

    private static final byte[] SCALARS = {
        TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING, TType.UUID
    };
    private static final byte[] ALL = {
        TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING, TType.UUID,
        TType.STRUCT, TType.MAP, TType.SET, TType.LIST
    };
    private static final long[] LONG_EDGES = {
        0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, 16383, 16384, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35, -(1L << 49), Short.MAX_VALUE, Short.MIN_VALUE
    };
    private static final double[] DOUBLE_EDGES = {
        0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, Math.PI
    };

    private final Random random;
    private final int maxDepth;
    private boolean uuidElements = true;

    RandomScripts(long seed) {
        this(seed, 4);
    }

    RandomScripts(long seed, int maxDepth) {
        this.random = new Random(seed);
        this.maxDepth = maxDepth;
    }

    /**
     * Stops generating UUID container elements: libthrift 0.22 cannot read them (its
     * {@code getMinSerializedSize} does not know the UUID type and throws "unrecognized type code").
     */
    RandomScripts withoutUuidElements() {
        uuidElements = false;
        return this;
    }

    Random random() {
        return random;
    }

    /** A whole message: header, body struct, end. */
    Script message() {
        Script s = new Script().message(string(12), (byte) (1 + random.nextInt(4)), (int) integer());
        struct(s, 1);
        return s.messageEnd();
    }

    /** A single value of {@code type} (a struct, container or scalar). */
    Script value(byte type) {
        Script s = new Script();
        value(s, type, 1);
        return s;
    }

    private void struct(Script s, int depth) {
        s.struct();
        int fields = random.nextInt(9);
        int last = 0;
        for (int i = 0; i < fields; i++) {
            int id = switch (random.nextInt(6)) {
                case 0, 1 -> last + 1 + random.nextInt(15); // short delta form
                case 2 -> last + 16 + random.nextInt(300); // delta just too large
                case 3 -> -1 - random.nextInt(Short.MAX_VALUE); // negative ids
                case 4 -> last - random.nextInt(5); // repeated or decreasing
                default -> random.nextInt(1 << 16) + Short.MIN_VALUE; // anywhere
            };
            last = (short) id;
            byte type = type(depth);
            s.field(type, last);
            value(s, type, depth);
            s.fieldEnd();
        }
        s.structEnd();
    }

    private byte type(int depth) {
        return depth >= maxDepth ? SCALARS[random.nextInt(SCALARS.length)] : ALL[random.nextInt(ALL.length)];
    }

    private byte elementType(int depth) {
        byte type;
        do {
            type = type(depth);
        } while (type == TType.UUID && !uuidElements);
        return type;
    }

    private int size(int depth) {
        int roll = random.nextInt(10);
        if (roll < 2) {
            return 0;
        }
        if (roll < 8 || depth > 2) {
            return 1 + random.nextInt(5);
        }
        return 13 + random.nextInt(20); // around and above the compact short-form limit
    }

    private void value(Script s, byte type, int depth) {
        switch (type) {
            case TType.BOOL -> s.bool(random.nextBoolean());
            case TType.BYTE -> s.i8((int) integer());
            case TType.I16 -> s.i16((int) integer());
            case TType.I32 -> s.i32((int) integer());
            case TType.I64 -> s.i64(integer());
            case TType.DOUBLE -> s.dbl(random.nextInt(4) == 0
                    ? DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)]
                    : Double.longBitsToDouble(random.nextLong()));
            case TType.STRING -> {
                if (random.nextInt(3) == 0) {
                    byte[] b = new byte[random.nextInt(random.nextInt(5) == 0 ? 300 : 20)];
                    random.nextBytes(b);
                    s.bin(b);
                } else {
                    s.str(string(random.nextInt(5) == 0 ? 200 : 16));
                }
            }
            case TType.UUID -> s.uuid(new UUID(random.nextLong(), random.nextLong()));
            case TType.STRUCT -> struct(s, depth + 1);
            case TType.LIST, TType.SET -> {
                byte element = elementType(depth + 1);
                int n = size(depth);
                if (type == TType.LIST) {
                    s.list(element, n);
                } else {
                    s.set(element, n);
                }
                for (int i = 0; i < n; i++) {
                    value(s, element, depth + 1);
                }
                if (type == TType.LIST) {
                    s.listEnd();
                } else {
                    s.setEnd();
                }
            }
            case TType.MAP -> {
                byte k = elementType(depth + 1);
                byte v = elementType(depth + 1);
                int n = size(depth);
                s.map(k, v, n);
                for (int i = 0; i < n; i++) {
                    value(s, k, depth + 1);
                    value(s, v, depth + 1);
                }
                s.mapEnd();
            }
            default -> throw new AssertionError(type);
        }
    }

    /** A long whose magnitude is spread over every varint length, or an edge value. */
    long integer() {
        if (random.nextInt(4) == 0) {
            return LONG_EDGES[random.nextInt(LONG_EDGES.length)];
        }
        int bits = random.nextInt(65);
        long v = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? v : -v;
    }

    /** A valid string of up to {@code maxChars} code points from the 1-, 2-, 3- and 4-byte UTF-8 ranges. */
    String string(int maxChars) {
        int n = random.nextInt(maxChars + 1);
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0, 1 -> random.nextInt(0x80);
                case 2 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 3 -> {
                    int c = 0x800 + random.nextInt(0x10000 - 0x800);
                    yield Character.isSurrogate((char) c) ? 0xE9 : c;
                }
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
