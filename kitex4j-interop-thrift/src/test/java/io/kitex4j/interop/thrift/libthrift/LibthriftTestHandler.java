package io.kitex4j.interop.thrift.libthrift;

import apache.thrift.test.Insanity;
import apache.thrift.test.Numberz;
import apache.thrift.test.ThriftTest;
import apache.thrift.test.Xception;
import apache.thrift.test.Xception2;
import apache.thrift.test.Xtruct;
import apache.thrift.test.Xtruct2;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.TException;

/**
 * The reference ThriftTest handler of Apache Thrift's Java cross test
 * ({@code org.apache.thrift.server.ServerTestBase.TestHandler}, used by its {@code TestServer}),
 * on the code Apache's compiler generates: every method echoes its argument except
 * {@code testMapMap} and {@code testInsanity} (fixed results), {@code testMulti} (an Xtruct made
 * of its first three arguments), {@code testException} / {@code testMultiException} (declared
 * exceptions, or for "TException" an undeclared one, which libthrift's processor turns into
 * {@code TApplicationException(INTERNAL_ERROR)}), and {@code testOneway} (sleeps).
 */
public final class LibthriftTestHandler implements ThriftTest.Iface {
    private final PrintStream out;
    /** Oneway calls that finished sleeping. */
    public final AtomicInteger onewaysDone = new AtomicInteger();

    public LibthriftTestHandler(PrintStream out) {
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
    public ByteBuffer testBinary(ByteBuffer thing) {
        StringBuilder sb = new StringBuilder();
        ByteBuffer view = thing.duplicate();
        while (view.hasRemaining()) {
            sb.append(String.format("%02X ", view.get()));
        }
        out.print("testBinary(" + sb + ")\n");
        return thing;
    }

    @Override
    public Xtruct testStruct(Xtruct thing) {
        out.print("testStruct({\"" + thing.string_thing + "\", " + thing.byte_thing + ", " + thing.i32_thing + ", "
                + thing.i64_thing + "})\n");
        return thing;
    }

    @Override
    public Xtruct2 testNest(Xtruct2 nest) {
        out.print("testNest(" + nest + ")\n");
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
        Xtruct hello = new Xtruct();
        hello.string_thing = "Hello2";
        hello.byte_thing = arg0;
        hello.i32_thing = arg1;
        hello.i64_thing = arg2;
        hello.setByte_thingIsSet(true);
        hello.setI32_thingIsSet(true);
        hello.setI64_thingIsSet(true);
        return hello;
    }

    @Override
    public void testException(String arg) throws TException {
        out.print("testException(" + arg + ")\n");
        if ("Xception".equals(arg)) {
            Xception x = new Xception();
            x.errorCode = 1001;
            x.message = arg;
            x.setErrorCodeIsSet(true);
            throw x;
        } else if ("TException".equals(arg)) {
            // Unspecified exception should yield a TApplicationException on client side
            throw new RuntimeException(arg);
        }
    }

    @Override
    public Xtruct testMultiException(String arg0, String arg1) throws TException {
        out.print("testMultiException(" + arg0 + ", " + arg1 + ")\n");
        if (arg0.equals("Xception")) {
            Xception x = new Xception();
            x.errorCode = 1001;
            x.message = "This is an Xception";
            x.setErrorCodeIsSet(true);
            throw x;
        } else if (arg0.equals("Xception2")) {
            Xception2 x = new Xception2();
            x.errorCode = 2002;
            x.setErrorCodeIsSet(true);
            x.struct_thing = new Xtruct();
            x.struct_thing.string_thing = "This is an Xception2";
            throw x;
        }
        Xtruct result = new Xtruct();
        result.string_thing = arg1;
        return result;
    }

    @Override
    public void testOneway(int secondsToSleep) {
        out.println("testOneway(" + secondsToSleep + ") => sleeping...");
        try {
            Thread.sleep(secondsToSleep * 1000L);
            out.println("Done sleeping!");
            onewaysDone.incrementAndGet();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(ie);
        }
    }
}
