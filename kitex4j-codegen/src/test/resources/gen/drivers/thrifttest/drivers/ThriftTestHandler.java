package drivers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.ThriftTest;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;

/** ThriftTest as Apache's reference test server implements it. */
public class ThriftTestHandler implements ThriftTest.Iface {
    /** Counted down by every testOneway call. */
    public final CountDownLatch oneways = new CountDownLatch(1);

    @Override
    public void testVoid() {}

    @Override
    public String testString(String thing) {
        return thing;
    }

    @Override
    public boolean testBool(boolean thing) {
        return thing;
    }

    @Override
    public byte testByte(byte thing) {
        return thing;
    }

    @Override
    public int testI32(int thing) {
        return thing;
    }

    @Override
    public long testI64(long thing) {
        return thing;
    }

    @Override
    public double testDouble(double thing) {
        return thing;
    }

    @Override
    public byte[] testBinary(byte[] thing) {
        return thing;
    }

    @Override
    public Xtruct testStruct(Xtruct thing) {
        return thing;
    }

    @Override
    public Xtruct2 testNest(Xtruct2 thing) {
        return thing;
    }

    @Override
    public Map<Integer, Integer> testMap(Map<Integer, Integer> thing) {
        return thing;
    }

    @Override
    public Map<String, String> testStringMap(Map<String, String> thing) {
        return thing;
    }

    @Override
    public Set<Integer> testSet(Set<Integer> thing) {
        return thing;
    }

    @Override
    public List<Integer> testList(List<Integer> thing) {
        return thing;
    }

    @Override
    public Numberz testEnum(Numberz thing) {
        return thing;
    }

    @Override
    public long testTypedef(long thing) {
        return thing;
    }

    @Override
    public Map<Integer, Map<Integer, Integer>> testMapMap(int hello) {
        Map<Integer, Map<Integer, Integer>> mapmap = new LinkedHashMap<>();
        Map<Integer, Integer> pos = new LinkedHashMap<>();
        Map<Integer, Integer> neg = new LinkedHashMap<>();
        for (int i = 1; i < 5; i++) {
            pos.put(i, i);
            neg.put(-i, -i);
        }
        mapmap.put(4, pos);
        mapmap.put(-4, neg);
        return mapmap;
    }

    @Override
    public Map<Long, Map<Numberz, Insanity>> testInsanity(Insanity argument) {
        Map<Numberz, Insanity> first = new LinkedHashMap<>();
        first.put(Numberz.TWO, argument);
        first.put(Numberz.THREE, argument);
        Map<Numberz, Insanity> second = new LinkedHashMap<>();
        second.put(Numberz.SIX, new Insanity());
        Map<Long, Map<Numberz, Insanity>> insane = new LinkedHashMap<>();
        insane.put(1L, first);
        insane.put(2L, second);
        return insane;
    }

    @Override
    public Xtruct testMulti(byte arg0, int arg1, long arg2, Map<Short, String> arg3, Numberz arg4, long arg5) {
        return new Xtruct("Hello2", arg0, arg1, arg2);
    }

    @Override
    public void testException(String arg) throws Xception {
        if (arg.equals("Xception")) {
            throw new Xception(1001, arg);
        }
        if (arg.equals("TException")) {
            throw new IllegalStateException("This is a TException");
        }
    }

    @Override
    public Xtruct testMultiException(String arg0, String arg1) throws Xception, Xception2 {
        if (arg0.equals("Xception")) {
            throw new Xception(1001, "This is an Xception");
        }
        if (arg0.equals("Xception2")) {
            throw new Xception2(2002, new Xtruct().setStringThing("This is an Xception2"));
        }
        return new Xtruct().setStringThing(arg1);
    }

    @Override
    public void testOneway(int secondsToSleep) {
        oneways.countDown();
    }
}
