package drivers;

import static drivers.Wire.assertRoundTrips;
import static drivers.Wire.decode;
import static drivers.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drivers.Wire.Protocol;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import thrift.test.Bonk;
import thrift.test.BoolTest;
import thrift.test.Bools;
import thrift.test.CrazyNesting;
import thrift.test.EmptyStruct;
import thrift.test.GuessProtocolStruct;
import thrift.test.Insanity;
import thrift.test.LargeDeltas;
import thrift.test.ListBonks;
import thrift.test.ListTypeVersioningV1;
import thrift.test.ListTypeVersioningV2;
import thrift.test.NestedListsBonk;
import thrift.test.NestedListsI32x2;
import thrift.test.NestedListsI32x3;
import thrift.test.NestedMixedx2;
import thrift.test.Numberz;
import thrift.test.OneField;
import thrift.test.OptionalBinary;
import thrift.test.OptionalSetDefaultTest;
import thrift.test.SomeUnion;
import thrift.test.StructA;
import thrift.test.StructB;
import thrift.test.ThriftTestConstants;
import thrift.test.VersioningTestV1;
import thrift.test.VersioningTestV2;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;
import thrift.test.Xtruct3;

/** Behaviour of the classes generated from ThriftTest.thrift, through binary and compact over Netty buffers. */
public final class ThriftTestStructs {
    private ThriftTestStructs() {}

    static Xtruct xtruct(int i) {
        return new Xtruct().setStringThing("x" + i).setByteThing((byte) i).setI32Thing(i * 1000).setI64Thing(i * 1_000_000_000_000L);
    }

    static Insanity insanity(int i) {
        Map<Numberz, Long> users = new LinkedHashMap<>();
        users.put(Numberz.FIVE, 5L + i);
        users.put(Numberz.EIGHT, -8L);
        return new Insanity(users, List.of(xtruct(i), xtruct(i + 1)));
    }

    static Bonk bonk(int i) {
        return new Bonk("bonk" + i, i);
    }

    static VersioningTestV2 v2() {
        return new VersioningTestV2().setBeginInBoth(1).setNewint(2).setNewbyte((byte) 3).setNewshort((short) 4)
                .setNewlong(5L).setNewdouble(6.5).setNewstruct(bonk(7)).setNewlist(List.of(8, 9))
                .setNewset(new LinkedHashSet<>(List.of(10, 11))).setNewmap(new LinkedHashMap<>(Map.of(12, 13)))
                .setNewstring("fourteen").setEndInBoth(15);
    }

    public static void xtructAndXtruct2RoundTripWithExtremeValues() {
        assertRoundTrips(Xtruct.CODEC, xtruct(1));
        assertRoundTrips(Xtruct.CODEC, new Xtruct("", Byte.MIN_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE));
        assertRoundTrips(Xtruct.CODEC, new Xtruct("héllo, 世界 🌍", Byte.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE));
        assertRoundTrips(Xtruct2.CODEC, new Xtruct2((byte) -1, xtruct(2), 42));
        assertRoundTrips(Xtruct2.CODEC, new Xtruct2());
        assertRoundTrips(Xtruct3.CODEC, new Xtruct3("three", 3, 33, 333L));
    }

    public static void insanityWithEnumKeyedMapRoundTrips() {
        assertRoundTrips(Insanity.CODEC, insanity(1));
        assertRoundTrips(Insanity.CODEC, new Insanity(new LinkedHashMap<>(), new ArrayList<>()));
    }

    public static void crazyNestingWithEveryContainerShapeRoundTrips() {
        Map<Insanity, String> byInsanity = new LinkedHashMap<>();
        byInsanity.put(insanity(1), "one");
        byInsanity.put(insanity(2), "two");
        Set<List<Map<Insanity, String>>> innerSet = new LinkedHashSet<>();
        innerSet.add(List.of(byInsanity, Map.of()));
        Map<Integer, Set<List<Map<Insanity, String>>>> byInt = new LinkedHashMap<>();
        byInt.put(7, innerSet);
        byInt.put(-7, new LinkedHashSet<>());
        Map<Set<Integer>, Map<Integer, Set<List<Map<Insanity, String>>>>> outer = new LinkedHashMap<>();
        outer.put(new LinkedHashSet<>(List.of(1, 2, 3)), byInt);
        CrazyNesting c = new CrazyNesting()
                .setStringField("crazy")
                .setSetField(new LinkedHashSet<>(List.of(insanity(3))))
                .setListField(List.of(outer, Map.of()))
                .setBinaryField(new byte[] {0, 1, 2, (byte) 0xff});
        assertRoundTrips(CrazyNesting.CODEC, c);
        assertThat(c.toString()).contains("binary_field=000102ff").contains("string_field=crazy");
        // The optional set is not written when unset.
        CrazyNesting noSet = new CrazyNesting().setListField(List.of());
        assertRoundTrips(CrazyNesting.CODEC, noSet);
        assertThat(Wire.roundTrip(CrazyNesting.CODEC, noSet, Protocol.BINARY).isSetSetField()).isFalse();
    }

    public static void emptyAndSingleFieldStructsRoundTrip() {
        assertRoundTrips(EmptyStruct.CODEC, new EmptyStruct());
        assertThat(encode(EmptyStruct.CODEC, new EmptyStruct(), Protocol.BINARY)).containsExactly(0);
        assertRoundTrips(OneField.CODEC, new OneField(new EmptyStruct()));
        assertRoundTrips(OneField.CODEC, new OneField());
        assertRoundTrips(Bonk.CODEC, bonk(1));
        assertRoundTrips(Bools.CODEC, new Bools(true, false));
        assertRoundTrips(Bools.CODEC, new Bools(false, true));
    }

    public static void versioningStructsRoundTripAndSkipUnknownFields() {
        VersioningTestV1 v1 = new VersioningTestV1(1, "old", 12);
        assertRoundTrips(VersioningTestV1.CODEC, v1);
        assertRoundTrips(VersioningTestV2.CODEC, v2());
        for (Protocol p : Protocol.values()) {
            // Newer bytes read by the older struct: fields 2..11 are unknown (field 3 has another type) and skipped.
            VersioningTestV1 old = decode(VersioningTestV1.CODEC, encode(VersioningTestV2.CODEC, v2(), p), p);
            assertThat(old.getBeginInBoth()).isEqualTo(1);
            assertThat(old.getEndInBoth()).isEqualTo(15);
            assertThat(old.isSetOldString()).isFalse();
            // Older bytes read by the newer struct.
            VersioningTestV2 newer = decode(VersioningTestV2.CODEC, encode(VersioningTestV1.CODEC, v1, p), p);
            assertThat(newer.getBeginInBoth()).isEqualTo(1);
            assertThat(newer.getEndInBoth()).isEqualTo(12);
            assertThat(newer.isSetNewint()).isFalse();
            assertThat(newer.getNewstring()).isNull();
        }
    }

    public static void listTypeVersioningRejectsListsOfTheWrongElementType() {
        ListTypeVersioningV1 v1 = new ListTypeVersioningV1(List.of(1, 2, 3), "hello");
        ListTypeVersioningV2 v2 = new ListTypeVersioningV2(List.of("a", "b"), "hello");
        assertRoundTrips(ListTypeVersioningV1.CODEC, v1);
        assertRoundTrips(ListTypeVersioningV2.CODEC, v2);
        for (Protocol p : Protocol.values()) {
            byte[] bytes = encode(ListTypeVersioningV2.CODEC, v2, p);
            assertThatThrownBy(() -> decode(ListTypeVersioningV1.CODEC, bytes, p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessageContaining("ListTypeVersioningV1.myints")
                    .satisfies(e -> assertThat(((ThriftProtocolException) e).type()).isEqualTo(ThriftProtocolException.INVALID_DATA));
            // An empty list carries no elements to misread.
            ListTypeVersioningV1 empty = decode(ListTypeVersioningV1.CODEC,
                    encode(ListTypeVersioningV2.CODEC, new ListTypeVersioningV2(List.of(), "x"), p), p);
            assertThat(empty.getMyints()).isEmpty();
        }
    }

    public static void largeDeltasAndGuessProtocolStructRoundTrip() {
        LargeDeltas d = new LargeDeltas()
                .setB1(new Bools(true, false)).setB10(new Bools(false, false)).setB100(new Bools(true, true))
                .setCheckTrue(true).setB1000(new Bools(false, true)).setCheckFalse(false)
                .setVertwo2000(v2()).setASet2500(new LinkedHashSet<>(List.of("a", "set", "2500")))
                .setVertwo3000(new VersioningTestV2()).setBigNumbers(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0));
        assertRoundTrips(LargeDeltas.CODEC, d);
        assertRoundTrips(GuessProtocolStruct.CODEC, new GuessProtocolStruct(new LinkedHashMap<>(Map.of("k", "v"))));
    }

    public static void nestedListsAndMixedContainersRoundTrip() {
        assertRoundTrips(NestedListsI32x2.CODEC, new NestedListsI32x2(List.of(List.of(1, 2), List.of(), List.of(3))));
        assertRoundTrips(NestedListsI32x3.CODEC, new NestedListsI32x3(List.of(List.of(List.of(1), List.of(2, 3)), List.of())));
        Map<Integer, Set<String>> m = new LinkedHashMap<>();
        m.put(1, new LinkedHashSet<>(List.of("a", "b")));
        m.put(2, new LinkedHashSet<>());
        assertRoundTrips(NestedMixedx2.CODEC, new NestedMixedx2(List.of(Set.of(1), Set.of()), m, List.of(m, Map.of())));
        assertRoundTrips(ListBonks.CODEC, new ListBonks(List.of(bonk(1), bonk(2))));
        assertRoundTrips(NestedListsBonk.CODEC, new NestedListsBonk(List.of(List.of(List.of(bonk(1)), List.of()), List.of())));
    }

    public static void readContainersKeepTheWireOrderAndAreMutable() {
        NestedMixedx2 back = Wire.roundTrip(NestedMixedx2.CODEC,
                new NestedMixedx2(List.of(), new LinkedHashMap<>(Map.of(3, Set.of("z")))
                        , List.of()), Protocol.COMPACT);
        back.getMapIntStrset().put(1, new LinkedHashSet<>(List.of("c", "b", "a")));
        back.getMapIntStrset().get(1).add("0");
        assertThat(back.getMapIntStrset().keySet()).containsExactly(3, 1);
        assertThat(back.getMapIntStrset().get(1)).containsExactly("c", "b", "a", "0");
        GuessProtocolStruct ordered = new GuessProtocolStruct(new LinkedHashMap<>());
        for (int i = 20; i > 0; i--) {
            ordered.getMapField().put("k" + i, "v" + i);
        }
        assertThat(Wire.roundTrip(GuessProtocolStruct.CODEC, ordered, Protocol.BINARY).getMapField().keySet())
                .containsExactlyElementsOf(ordered.getMapField().keySet());
    }

    public static void defaultsAreAppliedAndOptionalPrimitiveDefaultsAreNotWritten() {
        BoolTest t = new BoolTest();
        assertThat(t.getB()).isTrue();
        assertThat(t.isSetB()).as("a default does not mark a primitive set (as Apache's Java generator)").isFalse();
        assertThat(t.getS()).isEqualTo("true");
        assertThat(t.isSetS()).isTrue();
        BoolTest back = Wire.roundTrip(BoolTest.CODEC, new BoolTest().setB(false), Protocol.COMPACT);
        assertThat(back.isSetB()).isTrue();
        assertThat(back.getB()).isFalse();
        assertRoundTrips(BoolTest.CODEC, new BoolTest());
        assertRoundTrips(BoolTest.CODEC, new BoolTest().setB(false).setS("false"));
        // An unset optional field with a default is not written, so the reader's default fills it in.
        BoolTest noS = Wire.roundTrip(BoolTest.CODEC, new BoolTest().setS(null), Protocol.BINARY);
        assertThat(noS.getS()).isEqualTo("true");

        OptionalSetDefaultTest withDefault = new OptionalSetDefaultTest();
        assertThat(withDefault.getWithDefault()).containsExactly("test");
        withDefault.getWithDefault().add("mutable");
        assertThat(new OptionalSetDefaultTest().getWithDefault()).containsExactly("test");
        assertRoundTrips(OptionalSetDefaultTest.CODEC, withDefault);
    }

    public static void binaryInContainersComparesByContent() {
        OptionalBinary empty = new OptionalBinary();
        assertThat(empty.getBinSet()).isEmpty();
        assertThat(empty.getBinMap()).isEmpty();
        assertRoundTrips(OptionalBinary.CODEC, empty);
        // set<binary> and map<binary, V> hold ByteBuffers: equal contents are one element, one key
        Set<ByteBuffer> set = new LinkedHashSet<>();
        set.add(ByteBuffer.wrap("one".getBytes(StandardCharsets.UTF_8)));
        set.add(ByteBuffer.wrap(new byte[0]));
        set.add(ByteBuffer.wrap("one".getBytes(StandardCharsets.UTF_8)));
        assertThat(set).hasSize(2).contains(ByteBuffer.wrap(new byte[0]));
        Map<ByteBuffer, Integer> map = new LinkedHashMap<>();
        map.put(ByteBuffer.wrap(new byte[] {1, 2}), 12);
        map.put(ByteBuffer.wrap(new byte[] {3}), 3);
        map.put(ByteBuffer.wrap(new byte[] {1, 2}), 21);
        assertThat(map).hasSize(2).containsEntry(ByteBuffer.wrap(new byte[] {1, 2}), 21);
        OptionalBinary full = new OptionalBinary(set, map);
        assertRoundTrips(OptionalBinary.CODEC, full);
        assertThat(full.toString()).contains("bin_set=[6f6e65, ]").contains("bin_map={0102=21, 03=3}");
        OptionalBinary other = new OptionalBinary(new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[0]),
                ByteBuffer.wrap("one".getBytes(StandardCharsets.UTF_8)))), map);
        assertThat(other).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(other).isNotEqualTo(new OptionalBinary(Set.of(), map));
        for (Protocol p : Protocol.values()) {
            OptionalBinary back = Wire.roundTrip(OptionalBinary.CODEC, full, p);
            assertThat(back.getBinSet()).hasSize(2).contains(ByteBuffer.wrap("one".getBytes(StandardCharsets.UTF_8)));
            assertThat(back.getBinMap()).containsEntry(ByteBuffer.wrap(new byte[] {3}), 3);
        }
    }

    public static void requiredFieldsAreCheckedOnWriteAndOnRead() {
        for (Protocol p : Protocol.values()) {
            assertThatThrownBy(() -> encode(StructA.CODEC, new StructA(), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("required field 's' of StructA is unset")
                    .satisfies(e -> assertThat(((ThriftProtocolException) e).type()).isEqualTo(ThriftProtocolException.INVALID_DATA));
            assertThatThrownBy(() -> encode(StructB.CODEC, new StructB().setAa(new StructA("a")), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("required field 'ab' of StructB is unset");
            assertThatThrownBy(() -> decode(StructA.CODEC, encode(EmptyStruct.CODEC, new EmptyStruct(), p), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("required field 's' of StructA is missing");
            // StructB without ab: written by hand, since the generated codec refuses to.
            byte[] noAb = Wire.write(p, w -> {
                w.writeStructBegin();
                w.writeFieldBegin(TType.STRUCT, (short) 1);
                StructA.CODEC.write(new StructA("a"), w);
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            assertThatThrownBy(() -> decode(StructB.CODEC, noAb, p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("required field 'ab' of StructB is missing");
        }
        assertRoundTrips(StructB.CODEC, new StructB(null, new StructA("b")));
        assertRoundTrips(StructB.CODEC, new StructB(new StructA("a"), new StructA("b")));
    }

    public static void unionsHoldExactlyOneField() {
        SomeUnion u = new SomeUnion();
        assertThat(u.setField()).isNull();
        assertThatThrownBy(() -> encode(SomeUnion.CODEC, new SomeUnion(), Protocol.BINARY))
                .isInstanceOf(ThriftProtocolException.class)
                .hasMessage("union SomeUnion has no field set");
        u.setStringThing("s");
        assertThat(u.setField()).isEqualTo(SomeUnion.Field.STRING_THING);
        u.setI32Thing(5);
        assertThat(u.setField()).isEqualTo(SomeUnion.Field.I32_THING);
        assertThat(u.isSetStringThing()).isFalse();
        assertThat(u.getI32Thing()).isEqualTo(5);
        assertThatThrownBy(u::getStringThing).isInstanceOf(IllegalStateException.class);
        assertThat(u).hasToString("SomeUnion(i32_thing=5)");
        u.unsetStringThing();
        assertThat(u.isSetI32Thing()).isTrue();
        u.unsetI32Thing();
        assertThat(u.setField()).isNull();

        assertRoundTrips(SomeUnion.CODEC, SomeUnion.ofStringThing("text"));
        assertRoundTrips(SomeUnion.CODEC, SomeUnion.ofI32Thing(-1));
        assertRoundTrips(SomeUnion.CODEC, SomeUnion.ofMapThing(new LinkedHashMap<>(Map.of(Numberz.ONE, 1L))));
        assertRoundTrips(SomeUnion.CODEC, SomeUnion.ofXtructThing(new Xtruct3("x", 1, 2, 3L)));
        assertRoundTrips(SomeUnion.CODEC, SomeUnion.ofInsanityThing(insanity(4)));
        assertThat(SomeUnion.ofI32Thing(1)).isEqualTo(new SomeUnion().setI32Thing(1)).isNotEqualTo(SomeUnion.ofI32Thing(2));

        for (Protocol p : Protocol.values()) {
            byte[] two = Wire.write(p, w -> {
                w.writeStructBegin();
                w.writeFieldBegin(TType.STRING, (short) 2);
                w.writeString("s");
                w.writeFieldEnd();
                w.writeFieldBegin(TType.I32, (short) 3);
                w.writeI32(3);
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            assertThatThrownBy(() -> decode(SomeUnion.CODEC, two, p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("union SomeUnion has more than one field set");
        }
    }

    public static void anEntryWithAnUnknownEnumKeyIsDroppedAsApacheDoes() {
        for (Protocol p : Protocol.values()) {
            byte[] bytes = Wire.write(p, w -> {
                w.writeStructBegin();
                w.writeFieldBegin(TType.MAP, (short) 1);
                w.writeMapBegin(TType.I32, TType.I64, 3);
                w.writeI32(1);
                w.writeI64(10L);
                w.writeI32(4); // not a Numberz
                w.writeI64(40L);
                w.writeI32(8);
                w.writeI64(80L);
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            Insanity i = decode(Insanity.CODEC, bytes, p);
            assertThat(i.getUserMap()).containsExactly(Map.entry(Numberz.ONE, 10L), Map.entry(Numberz.EIGHT, 80L));
            Map<Numberz, Long> known = new LinkedHashMap<>();
            known.put(Numberz.ONE, 10L);
            known.put(Numberz.EIGHT, 80L);
            assertThat(encode(Insanity.CODEC, i, p)).isEqualTo(encode(Insanity.CODEC, new Insanity().setUserMap(known), p));
            Map<Numberz, Long> nullKey = new LinkedHashMap<>();
            nullKey.put(null, 1L);
            assertThatThrownBy(() -> encode(Insanity.CODEC, new Insanity().setUserMap(nullKey), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("Insanity.userMap: cannot write a null enum value in a container");
        }
    }

    public static void primitiveFieldsTrackWhetherTheyAreSet() {
        Xtruct x = new Xtruct();
        assertThat(x.isSetI32Thing()).isFalse();
        assertThat(x.isSetStringThing()).isFalse();
        x.setI32Thing(0);
        assertThat(x.isSetI32Thing()).isTrue();
        x.unsetI32Thing();
        assertThat(x.isSetI32Thing()).isFalse();
        Xtruct back = Wire.roundTrip(Xtruct.CODEC, new Xtruct(), Protocol.BINARY);
        assertThat(back.isSetI32Thing()).as("default-requiredness primitives are always written").isTrue();
        assertThat(back.isSetStringThing()).isFalse();
        assertThat(back).isEqualTo(new Xtruct());
        assertThat(xtruct(1)).hasToString("Xtruct(string_thing=x1, byte_thing=1, i32_thing=1000, i64_thing=1000000000000)");
    }

    public static void exceptionsAreCheckedAndCarryTheirFields() throws Exception {
        Xception e = new Xception(1001, "This is an Xception");
        assertThat(e).isInstanceOf(Exception.class).isNotInstanceOf(RuntimeException.class);
        assertThat(e.getMessage()).isEqualTo("This is an Xception");
        assertThat(e.getErrorCode()).isEqualTo(1001);
        assertRoundTrips(Xception.CODEC, e);
        Xception2 e2 = new Xception2(2002, new Xtruct().setStringThing("This is an Xception2"));
        assertThat(e2.getMessage()).isEqualTo("Xception2(errorCode=2002, struct_thing=Xtruct(string_thing=This is an Xception2, byte_thing=0, i32_thing=0, i64_thing=0))");
        assertRoundTrips(Xception2.CODEC, e2);
    }

    public static void enumsAndConstantsMatchTheIdl() {
        assertThat(Numberz.FIVE.getValue()).isEqualTo(5);
        assertThat(Numberz.SIX.getValue()).isEqualTo(6);
        assertThat(Numberz.findByValue(8)).isEqualTo(Numberz.EIGHT);
        assertThat(Numberz.findByValue(4)).isNull();
        assertThat(ThriftTestConstants.myNumberz).isEqualTo(Numberz.ONE);
    }
}
