package io.kitex4j.interop.thrift;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.ThriftTest;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;

/**
 * ThriftTest as Apache Thrift's reference Java handler implements it
 * ({@code org.apache.thrift.server.ServerTestBase.TestHandler}, which Apache's cross-test
 * {@code TestServer} serves), on Kitex4j-generated code:
 * <ul>
 *   <li>every {@code testX(thing)} prints {@code testX(thing)} and returns its argument;</li>
 *   <li>{@code testMapMap(hello)} returns {@code {-4 => {-4 => -4, ..., -1 => -1}, 4 => {1 => 1, ..., 4 => 4}}};</li>
 *   <li>{@code testInsanity(argument)} returns {@code {1 => {TWO => argument, THREE => argument}, 2 => {SIX => {}}}};</li>
 *   <li>{@code testMulti} returns {@code Xtruct("Hello2", arg0, arg1, arg2)};</li>
 *   <li>{@code testException("Xception")} throws {@code Xception(1001, "Xception")},
 *       {@code testException("TException")} throws an undeclared exception (the client sees an
 *       application exception, type INTERNAL_ERROR), anything else returns;</li>
 *   <li>{@code testMultiException("Xception", _)} throws {@code Xception(1001, "This is an Xception")},
 *       {@code ("Xception2", _)} throws {@code Xception2(2002, {"This is an Xception2"})}, otherwise
 *       it returns {@code Xtruct(arg1)};</li>
 *   <li>{@code testOneway(n)} sleeps n seconds; being oneway, nothing is sent back.</li>
 * </ul>
 */
public final class ThriftTestHandler implements ThriftTest.Iface {
    private final PrintStream out;

    public ThriftTestHandler(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testVoid() {
        out.print("testVoid()\n");
    }

    @Override
    public String testString(String thing) {
        out.print("testString(\"" + thing + "\")\n");
        return thing;
    }

    @Override
    public boolean testBool(boolean thing) {
        out.print("testBool(" + thing + ")\n");
        return thing;
    }

    @Override
    public byte testByte(byte thing) {
        out.print("testByte(" + thing + ")\n");
        return thing;
    }

    @Override
    public int testI32(int thing) {
        out.print("testI32(" + thing + ")\n");
        return thing;
    }

    @Override
    public long testI64(long thing) {
        out.print("testI64(" + thing + ")\n");
        return thing;
    }

    @Override
    public double testDouble(double thing) {
        out.print("testDouble(" + thing + ")\n");
        return thing;
    }

    @Override
    public byte[] testBinary(byte[] thing) {
        StringBuilder sb = new StringBuilder(thing.length * 3);
        for (int i = 0; i < thing.length && i < 1024; i++) {
            sb.append(String.format("%02X ", thing[i]));
        }
        if (thing.length > 1024) {
            sb.append("...");
        }
        out.print("testBinary(" + sb + ")\n");
        return thing;
    }

    @Override
    public Xtruct testStruct(Xtruct thing) {
        out.print("testStruct({\"" + thing.getStringThing() + "\", " + thing.getByteThing() + ", "
                + thing.getI32Thing() + ", " + thing.getI64Thing() + "})\n");
        return thing;
    }

    @Override
    public Xtruct2 testNest(Xtruct2 nest) {
        Xtruct thing = nest.getStructThing();
        out.print("testNest({" + nest.getByteThing() + ", {\""
                + (thing == null ? null : thing.getStringThing()) + "\", "
                + (thing == null ? null : thing.getByteThing() + ", " + thing.getI32Thing() + ", " + thing.getI64Thing())
                + "}, " + nest.getI32Thing() + "})\n");
        return nest;
    }

    @Override
    public Map<Integer, Integer> testMap(Map<Integer, Integer> thing) {
        out.print("testMap({" + thing + "})\n");
        return thing;
    }

    @Override
    public Map<String, String> testStringMap(Map<String, String> thing) {
        out.print("testStringMap({" + thing + "})\n");
        return thing;
    }

    @Override
    public Set<Integer> testSet(Set<Integer> thing) {
        out.print("testSet({" + thing + "})\n");
        return thing;
    }

    @Override
    public List<Integer> testList(List<Integer> thing) {
        out.print("testList({" + thing + "})\n");
        return thing;
    }

    @Override
    public Numberz testEnum(Numberz thing) {
        out.print("testEnum(" + thing + ")\n");
        return thing;
    }

    @Override
    public long testTypedef(long thing) {
        out.print("testTypedef(" + thing + ")\n");
        return thing;
    }

    @Override
    public Map<Integer, Map<Integer, Integer>> testMapMap(int hello) {
        out.print("testMapMap(" + hello + ")\n");
        Map<Integer, Integer> pos = new HashMap<>();
        Map<Integer, Integer> neg = new HashMap<>();
        for (int i = 1; i < 5; i++) {
            pos.put(i, i);
            neg.put(-i, -i);
        }
        Map<Integer, Map<Integer, Integer>> mapmap = new HashMap<>();
        mapmap.put(4, pos);
        mapmap.put(-4, neg);
        return mapmap;
    }

    @Override
    public Map<Long, Map<Numberz, Insanity>> testInsanity(Insanity argument) {
        out.print("testInsanity()\n");
        Map<Numberz, Insanity> first = new HashMap<>();
        first.put(Numberz.TWO, argument);
        first.put(Numberz.THREE, argument);
        Map<Numberz, Insanity> second = new HashMap<>();
        second.put(Numberz.SIX, new Insanity());
        Map<Long, Map<Numberz, Insanity>> insane = new HashMap<>();
        insane.put(1L, first);
        insane.put(2L, second);
        return insane;
    }

    @Override
    public Xtruct testMulti(byte arg0, int arg1, long arg2, Map<Short, String> arg3, Numberz arg4, long arg5) {
        out.print("testMulti()\n");
        return new Xtruct("Hello2", arg0, arg1, arg2);
    }

    @Override
    public void testException(String arg) throws Xception {
        out.print("testException(" + arg + ")\n");
        if ("Xception".equals(arg)) {
            throw new Xception(1001, arg);
        } else if ("TException".equals(arg)) {
            // Undeclared: the client gets an application exception (Apache's handler does the same).
            throw new RuntimeException(arg);
        }
    }

    @Override
    public Xtruct testMultiException(String arg0, String arg1) throws Xception, Xception2 {
        out.print("testMultiException(" + arg0 + ", " + arg1 + ")\n");
        if ("Xception".equals(arg0)) {
            throw new Xception(1001, "This is an Xception");
        } else if ("Xception2".equals(arg0)) {
            throw new Xception2(2002, new Xtruct().setStringThing("This is an Xception2"));
        }
        return new Xtruct().setStringThing(arg1);
    }

    @Override
    public void testOneway(int secondsToSleep) {
        out.println("testOneway(" + secondsToSleep + ") => sleeping...");
        try {
            Thread.sleep(secondsToSleep * 1000L);
            out.println("Done sleeping!");
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(ie);
        }
    }
}
