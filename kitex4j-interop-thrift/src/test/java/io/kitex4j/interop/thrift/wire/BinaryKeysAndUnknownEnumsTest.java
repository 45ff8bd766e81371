package io.kitex4j.interop.thrift.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.interop.thrift.wire.Encodings.Proto;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.OptionalBinary;
import thrift.test.SomeUnion;
import thrift.test.ThriftTest;

/**
 * The two generator fixes against libthrift 0.17, in binary and compact:
 * <ul>
 *   <li>binary in a set element or a map key is a {@link ByteBuffer} on our side (as on Apache's),
 *       so equal contents are one element or key: a set built from equal arrays is written with as
 *       many elements as libthrift writes, byte for byte, and each side decodes the other's;
 *   <li>enum numbers Numberz does not define: in a map key both sides drop the entry; in
 *       service args and results we keep the number (libthrift reads {@code null}) and write it
 *       back unchanged, while known numbers encode exactly as libthrift's.
 * </ul>
 */
class BinaryKeysAndUnknownEnumsTest {

    private static String hex(byte[] b) {
        return ByteBufUtil.hexDump(b);
    }

    private interface Writes {
        void to(TProtocol p) throws TException;
    }

    /** Bytes written by hand through libthrift's protocol (so they may hold numbers no enum defines). */
    private static byte[] raw(Proto proto, Writes writes) {
        try {
            TMemoryBuffer mem = new TMemoryBuffer(64);
            writes.to(proto.apache(mem));
            return Arrays.copyOf(mem.getArray(), mem.length());
        } catch (TException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ set<binary>, map<binary, V>

    /** Arrays from a tiny alphabet, so that equal contents in distinct arrays are common. */
    @Provide
    Arbitrary<List<byte[]>> arrays() {
        return Arbitraries.bytes().between((byte) 0, (byte) 2).array(byte[].class).ofMaxSize(2).list().ofMaxSize(10);
    }

    @Property(tries = 300)
    void equalContentsAreOneSetElementAndOneMapKeyOnBothSides(@ForAll("arrays") List<byte[]> elements,
            @ForAll("arrays") List<byte[]> keys) {
        Set<ByteBuffer> ourSet = new LinkedHashSet<>();
        Set<ByteBuffer> theirSet = new LinkedHashSet<>();
        for (byte[] e : elements) {
            ourSet.add(ByteBuffer.wrap(e.clone()));
            theirSet.add(ByteBuffer.wrap(e.clone()));
        }
        Map<ByteBuffer, Integer> ourMap = new LinkedHashMap<>();
        Map<ByteBuffer, Integer> theirMap = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ourMap.put(ByteBuffer.wrap(keys.get(i).clone()), i);
            theirMap.put(ByteBuffer.wrap(keys.get(i).clone()), i);
        }
        long distinct = elements.stream().map(ByteBuffer::wrap).distinct().count();
        assertThat(ourSet).hasSize((int) distinct).hasSameSizeAs(theirSet);
        assertThat(ourMap).hasSameSizeAs(theirMap);
        OptionalBinary ours = new OptionalBinary(ourSet, ourMap);
        apache.thrift.test.OptionalBinary theirs = new apache.thrift.test.OptionalBinary().setBin_set(theirSet).setBin_map(theirMap);
        for (Proto p : Proto.values()) {
            byte[] ourBytes = Encodings.ours(p, OptionalBinary.CODEC, ours);
            byte[] theirBytes = Encodings.apache(p, theirs);
            assertThat(hex(ourBytes)).as("%s bytes", p).isEqualTo(hex(theirBytes));
            apache.thrift.test.OptionalBinary theirsFromOurs = Encodings.apache(p, apache.thrift.test.OptionalBinary::new, ourBytes);
            assertThat(theirsFromOurs).isEqualTo(theirs);
            assertThat(theirsFromOurs.bin_set).hasSameSizeAs(ourSet);
            OptionalBinary oursFromTheirs = Encodings.ours(p, OptionalBinary.CODEC, theirBytes);
            assertThat(oursFromTheirs).isEqualTo(ours).isEqualTo(Converters.toOurs(theirsFromOurs));
            for (byte[] e : elements) {
                assertThat(oursFromTheirs.getBinSet()).contains(ByteBuffer.wrap(e.clone()));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertThat(oursFromTheirs.getBinMap()).containsKey(ByteBuffer.wrap(keys.get(i).clone()));
            }
        }
    }

    /** The case the Apache cross test found: a set of two equal arrays used to be written with two elements. */
    @ParameterizedTest
    @EnumSource(Proto.class)
    void aSetOfTwoEqualArraysIsWrittenWithOneElement(Proto p) {
        Set<ByteBuffer> set = new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {1})));
        assertThat(set).hasSize(1).contains(ByteBuffer.wrap(new byte[] {1}));
        OptionalBinary ours = new OptionalBinary().setBinSet(set).setBinMap(null);
        byte[] ourBytes = Encodings.ours(p, OptionalBinary.CODEC, ours);
        apache.thrift.test.OptionalBinary theirs = new apache.thrift.test.OptionalBinary()
                .setBin_set(new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {1}))));
        theirs.unsetBin_map();
        assertThat(hex(ourBytes)).isEqualTo(hex(Encodings.apache(p, theirs)));
        assertThat(Encodings.apache(p, apache.thrift.test.OptionalBinary::new, ourBytes).bin_set)
                .containsExactly(ByteBuffer.wrap(new byte[] {1}));
    }

    /** A buffer is written as its remaining bytes, as libthrift writes it, and its position does not move. */
    @ParameterizedTest
    @EnumSource(Proto.class)
    void buffersAreWrittenAsTheirRemainingBytesLikeLibthrift(Proto p) {
        byte[] backing = {9, 1, 2, 9};
        ByteBuffer theirWindow = ByteBuffer.wrap(backing, 1, 2);
        apache.thrift.test.OptionalBinary theirs = new apache.thrift.test.OptionalBinary()
                .setBin_set(Set.of(theirWindow)).setBin_map(Map.of(ByteBuffer.wrap(backing, 1, 2), 7));
        byte[] expected = Encodings.apache(p, theirs);
        ByteBuffer direct = ByteBuffer.allocateDirect(2).put(new byte[] {1, 2}).flip();
        List<ByteBuffer> kinds = List.of(ByteBuffer.wrap(backing, 1, 2), ByteBuffer.wrap(backing, 1, 2).slice(),
                ByteBuffer.wrap(new byte[] {1, 2}).asReadOnlyBuffer(), direct);
        for (ByteBuffer b : kinds) {
            int position = b.position();
            byte[] ourBytes = Encodings.ours(p, OptionalBinary.CODEC,
                    new OptionalBinary().setBinSet(Set.of(b)).setBinMap(Map.of(b, 7)));
            assertThat(hex(ourBytes)).as("%s bytes of %s", p, b).isEqualTo(hex(expected));
            assertThat(b.position()).isEqualTo(position);
        }
    }

    // ------------------------------------------------------------------ unknown enum numbers in map keys

    /** Map entries keyed by numbers 0..9 in ascending order: 0, 4, 7 and 9 are not Numberz values. */
    @Provide
    Arbitrary<Map<Integer, Long>> numberKeyedEntries() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 9), Arbitraries.longs()).ofMaxSize(10).map(TreeMap::new);
    }

    private static byte[] userMapStruct(Proto p, Map<Integer, Long> entries) {
        return raw(p, w -> {
            w.writeStructBegin(new TStruct("Insanity"));
            w.writeFieldBegin(new TField("userMap", TType.MAP, (short) 1));
            w.writeMapBegin(new TMap(TType.I32, TType.I64, entries.size()));
            for (Map.Entry<Integer, Long> e : entries.entrySet()) {
                w.writeI32(e.getKey());
                w.writeI64(e.getValue());
            }
            w.writeMapEnd();
            w.writeFieldEnd();
            w.writeFieldStop();
            w.writeStructEnd();
        });
    }

    @Property(tries = 300)
    void anEntryWithAnUnknownEnumKeyIsDroppedByBoth(@ForAll("numberKeyedEntries") Map<Integer, Long> entries) {
        Map<Numberz, Long> known = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (Numberz.findByValue(k) != null) {
                known.put(Numberz.findByValue(k), v);
            }
        });
        for (Proto p : Proto.values()) {
            byte[] bytes = userMapStruct(p, entries);
            apache.thrift.test.Insanity theirs = Encodings.apache(p, apache.thrift.test.Insanity::new, bytes);
            Insanity ours = Encodings.ours(p, Insanity.CODEC, bytes);
            assertThat(ours.getUserMap()).containsExactlyEntriesOf(known);
            assertThat(ours).isEqualTo(Converters.toOurs(theirs));
            // what is left encodes alike (ascending numbers are Numberz's declaration order, which Apache's EnumMap keeps)
            byte[] ourBytes = Encodings.ours(p, Insanity.CODEC, ours);
            assertThat(hex(ourBytes)).isEqualTo(hex(Encodings.apache(p, theirs)));
            assertThat((Object) Encodings.apache(p, apache.thrift.test.Insanity::new, ourBytes)).isEqualTo(theirs);

            byte[] union = raw(p, w -> {
                w.writeStructBegin(new TStruct("SomeUnion"));
                w.writeFieldBegin(new TField("map_thing", TType.MAP, (short) 1));
                w.writeMapBegin(new TMap(TType.I32, TType.I64, entries.size()));
                for (Map.Entry<Integer, Long> e : entries.entrySet()) {
                    w.writeI32(e.getKey());
                    w.writeI64(e.getValue());
                }
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            apache.thrift.test.SomeUnion theirUnion = Encodings.apache(p, apache.thrift.test.SomeUnion::new, union);
            SomeUnion ourUnion = Encodings.ours(p, SomeUnion.CODEC, union);
            assertThat(ourUnion.getMapThing()).containsExactlyEntriesOf(known);
            assertThat(ourUnion).isEqualTo(Converters.toOurs(theirUnion));
            assertThat(hex(Encodings.ours(p, SomeUnion.CODEC, ourUnion))).isEqualTo(hex(Encodings.apache(p, theirUnion)));
        }
    }

    // ------------------------------------------------------------------ enums in service args and results

    @ParameterizedTest
    @EnumSource(Proto.class)
    void knownEnumArgsAndResultsEncodeLikeLibthrift(Proto p) {
        for (Numberz n : Numberz.values()) {
            apache.thrift.test.Numberz a = apache.thrift.test.Numberz.findByValue(n.getValue());
            byte[] ourArgs = Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, new ThriftTest.TestEnumArgs(n));
            apache.thrift.test.ThriftTest.testEnum_args theirArgs = new apache.thrift.test.ThriftTest.testEnum_args(a);
            assertThat(hex(ourArgs)).isEqualTo(hex(Encodings.apache(p, theirArgs)));
            assertThat((Object) Encodings.apache(p, apache.thrift.test.ThriftTest.testEnum_args::new, ourArgs)).isEqualTo(theirArgs);
            assertThat(Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, Encodings.apache(p, theirArgs)).getThing()).isEqualTo(n);

            byte[] ourResult = Encodings.ours(p, ThriftTest.TestEnumResult.CODEC, new ThriftTest.TestEnumResult().setSuccess(n));
            apache.thrift.test.ThriftTest.testEnum_result theirResult = new apache.thrift.test.ThriftTest.testEnum_result().setSuccess(a);
            assertThat(hex(ourResult)).isEqualTo(hex(Encodings.apache(p, theirResult)));
            assertThat((Object) Encodings.apache(p, apache.thrift.test.ThriftTest.testEnum_result::new, ourResult)).isEqualTo(theirResult);
            assertThat(Encodings.ours(p, ThriftTest.TestEnumResult.CODEC, Encodings.apache(p, theirResult)).getSuccess()).isEqualTo(n);
        }
        // unset on both sides: an empty struct
        assertThat(hex(Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, new ThriftTest.TestEnumArgs())))
                .isEqualTo(hex(Encodings.apache(p, new apache.thrift.test.ThriftTest.testEnum_args())));
        Map<Short, String> arg3 = new LinkedHashMap<>(Map.of((short) 1, "x"));
        byte[] ourMulti = Encodings.ours(p, ThriftTest.TestMultiArgs.CODEC,
                new ThriftTest.TestMultiArgs((byte) 1, 2, 3L, arg3, Numberz.SIX, 5L));
        assertThat(hex(ourMulti)).isEqualTo(hex(Encodings.apache(p, new apache.thrift.test.ThriftTest.testMulti_args(
                (byte) 1, 2, 3L, arg3, apache.thrift.test.Numberz.SIX, 5L))));
    }

    @ParameterizedTest
    @EnumSource(Proto.class)
    void anUnknownEnumArgOrResultKeepsItsNumberWhereLibthriftReadsNull(Proto p) {
        for (int unknown : new int[] {0, 4, 7, -1, Integer.MAX_VALUE}) {
            byte[] args = raw(p, w -> {
                w.writeStructBegin(new TStruct("testEnum_args"));
                w.writeFieldBegin(new TField("thing", TType.I32, (short) 1));
                w.writeI32(unknown);
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            apache.thrift.test.ThriftTest.testEnum_args theirs = Encodings.apache(p, apache.thrift.test.ThriftTest.testEnum_args::new, args);
            ThriftTest.TestEnumArgs ours = Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, args);
            // both read no constant; we keep the number and write it back unchanged
            assertThat(theirs.thing).isNull();
            assertThat(ours.getThing()).isNull();
            assertThat(ours.isSetThing()).isTrue();
            assertThat(ours.getThingValue()).isEqualTo(unknown);
            assertThat(hex(Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, ours))).isEqualTo(hex(args));
            assertThat(hex(Encodings.ours(p, ThriftTest.TestEnumArgs.CODEC, new ThriftTest.TestEnumArgs().setThingValue(unknown))))
                    .isEqualTo(hex(args));

            byte[] result = raw(p, w -> {
                w.writeStructBegin(new TStruct("testEnum_result"));
                w.writeFieldBegin(new TField("success", TType.I32, (short) 0));
                w.writeI32(unknown);
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            assertThat(Encodings.apache(p, apache.thrift.test.ThriftTest.testEnum_result::new, result).success).isNull();
            ThriftTest.TestEnumResult ourResult = Encodings.ours(p, ThriftTest.TestEnumResult.CODEC, result);
            assertThat(ourResult.getSuccess()).isNull();
            assertThat(ourResult.getSuccessValue()).isEqualTo(unknown);
            assertThat(hex(Encodings.ours(p, ThriftTest.TestEnumResult.CODEC, ourResult))).isEqualTo(hex(result));

            // testMulti: the other arguments decode as libthrift decodes them; arg4 keeps its number
            Map<Short, String> arg3 = new LinkedHashMap<>(Map.of((short) 7, "seven"));
            apache.thrift.test.ThriftTest.testMulti_args known = new apache.thrift.test.ThriftTest.testMulti_args(
                    (byte) 1, 2, 3L, arg3, apache.thrift.test.Numberz.ONE, 5L);
            byte[] multi = withI32Field5(p, known, unknown);
            apache.thrift.test.ThriftTest.testMulti_args theirMulti = Encodings.apache(p, apache.thrift.test.ThriftTest.testMulti_args::new, multi);
            ThriftTest.TestMultiArgs ourMulti = Encodings.ours(p, ThriftTest.TestMultiArgs.CODEC, multi);
            assertThat(theirMulti.arg4).isNull();
            assertThat(ourMulti.getArg4()).isNull();
            assertThat(ourMulti.getArg4Value()).isEqualTo(unknown);
            assertThat(List.of(ourMulti.arg0, ourMulti.arg1, ourMulti.arg2, ourMulti.arg3, ourMulti.arg5))
                    .isEqualTo(List.of(theirMulti.arg0, theirMulti.arg1, theirMulti.arg2, theirMulti.arg3, theirMulti.arg5));
            assertThat(hex(Encodings.ours(p, ThriftTest.TestMultiArgs.CODEC, ourMulti))).isEqualTo(hex(multi));
        }
    }

    /** libthrift's bytes of {@code args}, with field 5 (arg4) holding {@code number}. */
    private static byte[] withI32Field5(Proto p, apache.thrift.test.ThriftTest.testMulti_args args, int number) {
        return raw(p, w -> {
            w.writeStructBegin(new TStruct("testMulti_args"));
            w.writeFieldBegin(new TField("arg0", TType.BYTE, (short) 1));
            w.writeByte(args.arg0);
            w.writeFieldEnd();
            w.writeFieldBegin(new TField("arg1", TType.I32, (short) 2));
            w.writeI32(args.arg1);
            w.writeFieldEnd();
            w.writeFieldBegin(new TField("arg2", TType.I64, (short) 3));
            w.writeI64(args.arg2);
            w.writeFieldEnd();
            w.writeFieldBegin(new TField("arg3", TType.MAP, (short) 4));
            w.writeMapBegin(new TMap(TType.I16, TType.STRING, args.arg3.size()));
            for (Map.Entry<Short, String> e : new ArrayList<>(args.arg3.entrySet())) {
                w.writeI16(e.getKey());
                w.writeString(e.getValue());
            }
            w.writeMapEnd();
            w.writeFieldEnd();
            w.writeFieldBegin(new TField("arg4", TType.I32, (short) 5));
            w.writeI32(number);
            w.writeFieldEnd();
            w.writeFieldBegin(new TField("arg5", TType.I64, (short) 6));
            w.writeI64(args.arg5);
            w.writeFieldEnd();
            w.writeFieldStop();
            w.writeStructEnd();
        });
    }
}
