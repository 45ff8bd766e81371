package io.kitex4j.interop.thrift.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import thrift.test.VersioningTestV1;
import thrift.test.VersioningTestV2;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;
import thrift.test.Xtruct3;

/**
 * Field-by-field converters between the two object models of ThriftTest.thrift: Kitex4j's
 * generated classes (package {@code thrift.test}) and Apache's (package {@code apache.thrift.test},
 * written out in full). Unset stays unset (null references, cleared isset bits), containers keep
 * their iteration order (LinkedHashMap / LinkedHashSet), binaries become {@code byte[]} on our side
 * and {@link ByteBuffer} on Apache's, enums map by number.
 */
public final class Converters {
    private Converters() {}

    // ---- helpers ------------------------------------------------------------------------------

    static <A, B> List<B> list(List<A> in, Function<A, B> f) {
        if (in == null) {
            return null;
        }
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) {
            out.add(f.apply(a));
        }
        return out;
    }

    static <A, B> Set<B> set(Set<A> in, Function<A, B> f) {
        if (in == null) {
            return null;
        }
        Set<B> out = new LinkedHashSet<>();
        for (A a : in) {
            out.add(f.apply(a));
        }
        return out;
    }

    static <K1, V1, K2, V2> Map<K2, V2> map(Map<K1, V1> in, Function<K1, K2> fk, Function<V1, V2> fv) {
        if (in == null) {
            return null;
        }
        Map<K2, V2> out = new LinkedHashMap<>();
        for (Map.Entry<K1, V1> e : in.entrySet()) {
            out.put(fk.apply(e.getKey()), fv.apply(e.getValue()));
        }
        return out;
    }

    static <T> T same(T v) {
        return v;
    }

    static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    static ByteBuffer buffer(byte[] b) {
        return b == null ? null : ByteBuffer.wrap(b.clone());
    }

    /** A buffer of its own holding the remaining bytes of {@code b} (binary in set elements and map keys is a ByteBuffer on both sides). */
    static ByteBuffer copy(ByteBuffer b) {
        return b == null ? null : ByteBuffer.wrap(bytes(b));
    }

    static Numberz toOurs(apache.thrift.test.Numberz n) {
        return n == null ? null : Numberz.findByValue(n.getValue());
    }

    static apache.thrift.test.Numberz toApache(Numberz n) {
        return n == null ? null : apache.thrift.test.Numberz.findByValue(n.getValue());
    }

    // ---- Apache -> ours -----------------------------------------------------------------------

    public static Bonk toOurs(apache.thrift.test.Bonk a) {
        if (a == null) {
            return null;
        }
        Bonk k = new Bonk().setMessage(a.message);
        if (a.isSetType()) {
            k.setType(a.type);
        }
        return k;
    }

    public static Bools toOurs(apache.thrift.test.Bools a) {
        if (a == null) {
            return null;
        }
        Bools k = new Bools();
        if (a.isSetIm_true()) {
            k.setImTrue(a.im_true);
        }
        if (a.isSetIm_false()) {
            k.setImFalse(a.im_false);
        }
        return k;
    }

    public static Xtruct toOurs(apache.thrift.test.Xtruct a) {
        if (a == null) {
            return null;
        }
        Xtruct k = new Xtruct().setStringThing(a.string_thing);
        if (a.isSetByte_thing()) {
            k.setByteThing(a.byte_thing);
        }
        if (a.isSetI32_thing()) {
            k.setI32Thing(a.i32_thing);
        }
        if (a.isSetI64_thing()) {
            k.setI64Thing(a.i64_thing);
        }
        return k;
    }

    public static Xtruct2 toOurs(apache.thrift.test.Xtruct2 a) {
        if (a == null) {
            return null;
        }
        Xtruct2 k = new Xtruct2().setStructThing(toOurs(a.struct_thing));
        if (a.isSetByte_thing()) {
            k.setByteThing(a.byte_thing);
        }
        if (a.isSetI32_thing()) {
            k.setI32Thing(a.i32_thing);
        }
        return k;
    }

    public static Xtruct3 toOurs(apache.thrift.test.Xtruct3 a) {
        if (a == null) {
            return null;
        }
        Xtruct3 k = new Xtruct3().setStringThing(a.string_thing);
        if (a.isSetChanged()) {
            k.setChanged(a.changed);
        }
        if (a.isSetI32_thing()) {
            k.setI32Thing(a.i32_thing);
        }
        if (a.isSetI64_thing()) {
            k.setI64Thing(a.i64_thing);
        }
        return k;
    }

    public static Insanity toOurs(apache.thrift.test.Insanity a) {
        if (a == null) {
            return null;
        }
        return new Insanity()
                .setUserMap(map(a.userMap, Converters::toOurs, Converters::same))
                .setXtructs(list(a.xtructs, Converters::toOurs));
    }

    public static CrazyNesting toOurs(apache.thrift.test.CrazyNesting a) {
        if (a == null) {
            return null;
        }
        return new CrazyNesting()
                .setStringField(a.string_field)
                .setSetField(set(a.set_field, Converters::toOurs))
                .setListField(list(a.list_field, m -> map(m, Converters::same,
                        inner -> map(inner, Converters::same,
                                s -> set(s, l -> list(l, mm -> map(mm, Converters::toOurs, Converters::same)))))))
                .setBinaryField(bytes(a.binary_field));
    }

    public static SomeUnion toOurs(apache.thrift.test.SomeUnion a) {
        if (a == null) {
            return null;
        }
        switch (a.getSetField()) {
            case MAP_THING:
                return SomeUnion.ofMapThing(map(a.getMap_thing(), Converters::toOurs, Converters::same));
            case STRING_THING:
                return SomeUnion.ofStringThing(a.getString_thing());
            case I32_THING:
                return SomeUnion.ofI32Thing(a.getI32_thing());
            case XTRUCT_THING:
                return SomeUnion.ofXtructThing(toOurs(a.getXtruct_thing()));
            case INSANITY_THING:
                return SomeUnion.ofInsanityThing(toOurs(a.getInsanity_thing()));
            default:
                throw new IllegalArgumentException("union with no field set: " + a);
        }
    }

    public static Xception toOurs(apache.thrift.test.Xception a) {
        if (a == null) {
            return null;
        }
        Xception k = new Xception().setMessage(a.message);
        if (a.isSetErrorCode()) {
            k.setErrorCode(a.errorCode);
        }
        return k;
    }

    public static Xception2 toOurs(apache.thrift.test.Xception2 a) {
        if (a == null) {
            return null;
        }
        Xception2 k = new Xception2().setStructThing(toOurs(a.struct_thing));
        if (a.isSetErrorCode()) {
            k.setErrorCode(a.errorCode);
        }
        return k;
    }

    public static EmptyStruct toOurs(apache.thrift.test.EmptyStruct a) {
        return a == null ? null : new EmptyStruct();
    }

    public static OneField toOurs(apache.thrift.test.OneField a) {
        return a == null ? null : new OneField().setField(toOurs(a.field));
    }

    public static VersioningTestV1 toOurs(apache.thrift.test.VersioningTestV1 a) {
        if (a == null) {
            return null;
        }
        VersioningTestV1 k = new VersioningTestV1().setOldString(a.old_string);
        if (a.isSetBegin_in_both()) {
            k.setBeginInBoth(a.begin_in_both);
        }
        if (a.isSetEnd_in_both()) {
            k.setEndInBoth(a.end_in_both);
        }
        return k;
    }

    public static VersioningTestV2 toOurs(apache.thrift.test.VersioningTestV2 a) {
        if (a == null) {
            return null;
        }
        VersioningTestV2 k = new VersioningTestV2()
                .setNewstruct(toOurs(a.newstruct))
                .setNewlist(list(a.newlist, Converters::same))
                .setNewset(set(a.newset, Converters::same))
                .setNewmap(map(a.newmap, Converters::same, Converters::same))
                .setNewstring(a.newstring);
        if (a.isSetBegin_in_both()) {
            k.setBeginInBoth(a.begin_in_both);
        }
        if (a.isSetNewint()) {
            k.setNewint(a.newint);
        }
        if (a.isSetNewbyte()) {
            k.setNewbyte(a.newbyte);
        }
        if (a.isSetNewshort()) {
            k.setNewshort(a.newshort);
        }
        if (a.isSetNewlong()) {
            k.setNewlong(a.newlong);
        }
        if (a.isSetNewdouble()) {
            k.setNewdouble(a.newdouble);
        }
        if (a.isSetEnd_in_both()) {
            k.setEndInBoth(a.end_in_both);
        }
        return k;
    }

    public static ListTypeVersioningV1 toOurs(apache.thrift.test.ListTypeVersioningV1 a) {
        return a == null ? null
                : new ListTypeVersioningV1().setMyints(list(a.myints, Converters::same)).setHello(a.hello);
    }

    public static ListTypeVersioningV2 toOurs(apache.thrift.test.ListTypeVersioningV2 a) {
        return a == null ? null
                : new ListTypeVersioningV2().setStrings(list(a.strings, Converters::same)).setHello(a.hello);
    }

    public static GuessProtocolStruct toOurs(apache.thrift.test.GuessProtocolStruct a) {
        return a == null ? null
                : new GuessProtocolStruct().setMapField(map(a.map_field, Converters::same, Converters::same));
    }

    public static LargeDeltas toOurs(apache.thrift.test.LargeDeltas a) {
        if (a == null) {
            return null;
        }
        LargeDeltas k = new LargeDeltas()
                .setB1(toOurs(a.b1))
                .setB10(toOurs(a.b10))
                .setB100(toOurs(a.b100))
                .setB1000(toOurs(a.b1000))
                .setVertwo2000(toOurs(a.vertwo2000))
                .setASet2500(set(a.a_set2500, Converters::same))
                .setVertwo3000(toOurs(a.vertwo3000))
                .setBigNumbers(list(a.big_numbers, Converters::same));
        if (a.isSetCheck_true()) {
            k.setCheckTrue(a.check_true);
        }
        if (a.isSetCheck_false()) {
            k.setCheckFalse(a.check_false);
        }
        return k;
    }

    public static NestedListsI32x2 toOurs(apache.thrift.test.NestedListsI32x2 a) {
        return a == null ? null
                : new NestedListsI32x2().setIntegerlist(list(a.integerlist, l -> list(l, Converters::same)));
    }

    public static NestedListsI32x3 toOurs(apache.thrift.test.NestedListsI32x3 a) {
        return a == null ? null
                : new NestedListsI32x3().setIntegerlist(
                        list(a.integerlist, l -> list(l, ll -> list(ll, Converters::same))));
    }

    public static NestedMixedx2 toOurs(apache.thrift.test.NestedMixedx2 a) {
        if (a == null) {
            return null;
        }
        return new NestedMixedx2()
                .setIntSetList(list(a.int_set_list, s -> set(s, Converters::same)))
                .setMapIntStrset(map(a.map_int_strset, Converters::same, s -> set(s, Converters::same)))
                .setMapIntStrsetList(list(a.map_int_strset_list,
                        m -> map(m, Converters::same, s -> set(s, Converters::same))));
    }

    public static ListBonks toOurs(apache.thrift.test.ListBonks a) {
        return a == null ? null : new ListBonks().setBonk(list(a.bonk, Converters::toOurs));
    }

    public static NestedListsBonk toOurs(apache.thrift.test.NestedListsBonk a) {
        return a == null ? null
                : new NestedListsBonk().setBonk(list(a.bonk, l -> list(l, ll -> list(ll, Converters::toOurs))));
    }

    public static BoolTest toOurs(apache.thrift.test.BoolTest a) {
        if (a == null) {
            return null;
        }
        BoolTest k = new BoolTest().setS(a.isSetS() ? a.s : null);
        if (a.isSetB()) {
            k.setB(a.b);
        } else {
            k.unsetB();
        }
        return k;
    }

    public static StructA toOurs(apache.thrift.test.StructA a) {
        return a == null ? null : new StructA().setS(a.s);
    }

    public static StructB toOurs(apache.thrift.test.StructB a) {
        return a == null ? null : new StructB().setAa(toOurs(a.aa)).setAb(toOurs(a.ab));
    }

    public static OptionalSetDefaultTest toOurs(apache.thrift.test.OptionalSetDefaultTest a) {
        return a == null ? null
                : new OptionalSetDefaultTest().setWithDefault(set(a.with_default, Converters::same));
    }

    public static OptionalBinary toOurs(apache.thrift.test.OptionalBinary a) {
        if (a == null) {
            return null;
        }
        return new OptionalBinary()
                .setBinSet(set(a.bin_set, Converters::copy))
                .setBinMap(map(a.bin_map, Converters::copy, Converters::same));
    }

    // ---- ours -> Apache -----------------------------------------------------------------------

    public static apache.thrift.test.Bonk toApache(Bonk k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Bonk a = new apache.thrift.test.Bonk().setMessage(k.getMessage());
        if (k.isSetType()) {
            a.setType(k.getType());
        }
        return a;
    }

    public static apache.thrift.test.Bools toApache(Bools k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Bools a = new apache.thrift.test.Bools();
        if (k.isSetImTrue()) {
            a.setIm_true(k.getImTrue());
        }
        if (k.isSetImFalse()) {
            a.setIm_false(k.getImFalse());
        }
        return a;
    }

    public static apache.thrift.test.Xtruct toApache(Xtruct k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Xtruct a = new apache.thrift.test.Xtruct().setString_thing(k.getStringThing());
        if (k.isSetByteThing()) {
            a.setByte_thing(k.getByteThing());
        }
        if (k.isSetI32Thing()) {
            a.setI32_thing(k.getI32Thing());
        }
        if (k.isSetI64Thing()) {
            a.setI64_thing(k.getI64Thing());
        }
        return a;
    }

    public static apache.thrift.test.Xtruct2 toApache(Xtruct2 k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Xtruct2 a = new apache.thrift.test.Xtruct2().setStruct_thing(toApache(k.getStructThing()));
        if (k.isSetByteThing()) {
            a.setByte_thing(k.getByteThing());
        }
        if (k.isSetI32Thing()) {
            a.setI32_thing(k.getI32Thing());
        }
        return a;
    }

    public static apache.thrift.test.Xtruct3 toApache(Xtruct3 k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Xtruct3 a = new apache.thrift.test.Xtruct3().setString_thing(k.getStringThing());
        if (k.isSetChanged()) {
            a.setChanged(k.getChanged());
        }
        if (k.isSetI32Thing()) {
            a.setI32_thing(k.getI32Thing());
        }
        if (k.isSetI64Thing()) {
            a.setI64_thing(k.getI64Thing());
        }
        return a;
    }

    public static apache.thrift.test.Insanity toApache(Insanity k) {
        if (k == null) {
            return null;
        }
        return new apache.thrift.test.Insanity()
                .setUserMap(map(k.getUserMap(), Converters::toApache, Converters::same))
                .setXtructs(list(k.getXtructs(), Converters::toApache));
    }

    public static apache.thrift.test.CrazyNesting toApache(CrazyNesting k) {
        if (k == null) {
            return null;
        }
        return new apache.thrift.test.CrazyNesting()
                .setString_field(k.getStringField())
                .setSet_field(set(k.getSetField(), Converters::toApache))
                .setList_field(list(k.getListField(), m -> map(m, Converters::same,
                        inner -> map(inner, Converters::same,
                                s -> set(s, l -> list(l, mm -> map(mm, Converters::toApache, Converters::same)))))))
                .setBinary_field(buffer(k.getBinaryField()));
    }

    public static apache.thrift.test.SomeUnion toApache(SomeUnion k) {
        if (k == null) {
            return null;
        }
        switch (k.setField()) {
            case MAP_THING:
                return apache.thrift.test.SomeUnion.map_thing(map(k.getMapThing(), Converters::toApache, Converters::same));
            case STRING_THING:
                return apache.thrift.test.SomeUnion.string_thing(k.getStringThing());
            case I32_THING:
                return apache.thrift.test.SomeUnion.i32_thing(k.getI32Thing());
            case XTRUCT_THING:
                return apache.thrift.test.SomeUnion.xtruct_thing(toApache(k.getXtructThing()));
            case INSANITY_THING:
                return apache.thrift.test.SomeUnion.insanity_thing(toApache(k.getInsanityThing()));
            default:
                throw new IllegalArgumentException("union with no field set: " + k);
        }
    }

    public static apache.thrift.test.Xception toApache(Xception k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Xception a = new apache.thrift.test.Xception().setMessage(k.getMessage());
        if (k.isSetErrorCode()) {
            a.setErrorCode(k.getErrorCode());
        }
        return a;
    }

    public static apache.thrift.test.Xception2 toApache(Xception2 k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.Xception2 a = new apache.thrift.test.Xception2().setStruct_thing(toApache(k.getStructThing()));
        if (k.isSetErrorCode()) {
            a.setErrorCode(k.getErrorCode());
        }
        return a;
    }

    public static apache.thrift.test.EmptyStruct toApache(EmptyStruct k) {
        return k == null ? null : new apache.thrift.test.EmptyStruct();
    }

    public static apache.thrift.test.OneField toApache(OneField k) {
        return k == null ? null : new apache.thrift.test.OneField().setField(toApache(k.getField()));
    }

    public static apache.thrift.test.VersioningTestV1 toApache(VersioningTestV1 k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.VersioningTestV1 a = new apache.thrift.test.VersioningTestV1().setOld_string(k.getOldString());
        if (k.isSetBeginInBoth()) {
            a.setBegin_in_both(k.getBeginInBoth());
        }
        if (k.isSetEndInBoth()) {
            a.setEnd_in_both(k.getEndInBoth());
        }
        return a;
    }

    public static apache.thrift.test.VersioningTestV2 toApache(VersioningTestV2 k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.VersioningTestV2 a = new apache.thrift.test.VersioningTestV2()
                .setNewstruct(toApache(k.getNewstruct()))
                .setNewlist(list(k.getNewlist(), Converters::same))
                .setNewset(set(k.getNewset(), Converters::same))
                .setNewmap(map(k.getNewmap(), Converters::same, Converters::same))
                .setNewstring(k.getNewstring());
        if (k.isSetBeginInBoth()) {
            a.setBegin_in_both(k.getBeginInBoth());
        }
        if (k.isSetNewint()) {
            a.setNewint(k.getNewint());
        }
        if (k.isSetNewbyte()) {
            a.setNewbyte(k.getNewbyte());
        }
        if (k.isSetNewshort()) {
            a.setNewshort(k.getNewshort());
        }
        if (k.isSetNewlong()) {
            a.setNewlong(k.getNewlong());
        }
        if (k.isSetNewdouble()) {
            a.setNewdouble(k.getNewdouble());
        }
        if (k.isSetEndInBoth()) {
            a.setEnd_in_both(k.getEndInBoth());
        }
        return a;
    }

    public static apache.thrift.test.ListTypeVersioningV1 toApache(ListTypeVersioningV1 k) {
        return k == null ? null : new apache.thrift.test.ListTypeVersioningV1()
                .setMyints(list(k.getMyints(), Converters::same)).setHello(k.getHello());
    }

    public static apache.thrift.test.ListTypeVersioningV2 toApache(ListTypeVersioningV2 k) {
        return k == null ? null : new apache.thrift.test.ListTypeVersioningV2()
                .setStrings(list(k.getStrings(), Converters::same)).setHello(k.getHello());
    }

    public static apache.thrift.test.GuessProtocolStruct toApache(GuessProtocolStruct k) {
        return k == null ? null : new apache.thrift.test.GuessProtocolStruct()
                .setMap_field(map(k.getMapField(), Converters::same, Converters::same));
    }

    public static apache.thrift.test.LargeDeltas toApache(LargeDeltas k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.LargeDeltas a = new apache.thrift.test.LargeDeltas()
                .setB1(toApache(k.getB1()))
                .setB10(toApache(k.getB10()))
                .setB100(toApache(k.getB100()))
                .setB1000(toApache(k.getB1000()))
                .setVertwo2000(toApache(k.getVertwo2000()))
                .setA_set2500(set(k.getASet2500(), Converters::same))
                .setVertwo3000(toApache(k.getVertwo3000()))
                .setBig_numbers(list(k.getBigNumbers(), Converters::same));
        if (k.isSetCheckTrue()) {
            a.setCheck_true(k.getCheckTrue());
        }
        if (k.isSetCheckFalse()) {
            a.setCheck_false(k.getCheckFalse());
        }
        return a;
    }

    public static apache.thrift.test.NestedListsI32x2 toApache(NestedListsI32x2 k) {
        return k == null ? null : new apache.thrift.test.NestedListsI32x2()
                .setIntegerlist(list(k.getIntegerlist(), l -> list(l, Converters::same)));
    }

    public static apache.thrift.test.NestedListsI32x3 toApache(NestedListsI32x3 k) {
        return k == null ? null : new apache.thrift.test.NestedListsI32x3()
                .setIntegerlist(list(k.getIntegerlist(), l -> list(l, ll -> list(ll, Converters::same))));
    }

    public static apache.thrift.test.NestedMixedx2 toApache(NestedMixedx2 k) {
        if (k == null) {
            return null;
        }
        return new apache.thrift.test.NestedMixedx2()
                .setInt_set_list(list(k.getIntSetList(), s -> set(s, Converters::same)))
                .setMap_int_strset(map(k.getMapIntStrset(), Converters::same, s -> set(s, Converters::same)))
                .setMap_int_strset_list(list(k.getMapIntStrsetList(),
                        m -> map(m, Converters::same, s -> set(s, Converters::same))));
    }

    public static apache.thrift.test.ListBonks toApache(ListBonks k) {
        return k == null ? null : new apache.thrift.test.ListBonks().setBonk(list(k.getBonk(), Converters::toApache));
    }

    public static apache.thrift.test.NestedListsBonk toApache(NestedListsBonk k) {
        return k == null ? null : new apache.thrift.test.NestedListsBonk()
                .setBonk(list(k.getBonk(), l -> list(l, ll -> list(ll, Converters::toApache))));
    }

    public static apache.thrift.test.BoolTest toApache(BoolTest k) {
        if (k == null) {
            return null;
        }
        apache.thrift.test.BoolTest a = new apache.thrift.test.BoolTest().setS(k.getS());
        if (k.isSetB()) {
            a.setB(k.getB());
        } else {
            a.unsetB();
        }
        return a;
    }

    public static apache.thrift.test.StructA toApache(StructA k) {
        return k == null ? null : new apache.thrift.test.StructA().setS(k.getS());
    }

    public static apache.thrift.test.StructB toApache(StructB k) {
        return k == null ? null : new apache.thrift.test.StructB().setAa(toApache(k.getAa())).setAb(toApache(k.getAb()));
    }

    public static apache.thrift.test.OptionalSetDefaultTest toApache(OptionalSetDefaultTest k) {
        return k == null ? null : new apache.thrift.test.OptionalSetDefaultTest()
                .setWith_default(set(k.getWithDefault(), Converters::same));
    }

    public static apache.thrift.test.OptionalBinary toApache(OptionalBinary k) {
        if (k == null) {
            return null;
        }
        return new apache.thrift.test.OptionalBinary()
                .setBin_set(set(k.getBinSet(), Converters::copy))
                .setBin_map(map(k.getBinMap(), Converters::copy, Converters::same));
    }
}
