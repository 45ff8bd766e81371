package drivers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.ThriftTest;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;

/** The reference handler behind {@link ThriftTest.AsyncIface}: failures, declared or not, complete the future. */
public final class AsyncThriftTestHandler implements ThriftTest.AsyncIface {
    private final ThriftTestHandler impl;

    public AsyncThriftTestHandler(ThriftTestHandler impl) {
        this.impl = impl;
    }

    private static <T> CompletableFuture<T> call(Callable<T> c) {
        try {
            return CompletableFuture.completedFuture(c.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> testVoid() {
        return call(() -> null);
    }

    @Override
    public CompletableFuture<String> testString(String thing) {
        return call(() -> impl.testString(thing));
    }

    @Override
    public CompletableFuture<Boolean> testBool(boolean thing) {
        return call(() -> impl.testBool(thing));
    }

    @Override
    public CompletableFuture<Byte> testByte(byte thing) {
        return call(() -> impl.testByte(thing));
    }

    @Override
    public CompletableFuture<Integer> testI32(int thing) {
        return call(() -> impl.testI32(thing));
    }

    @Override
    public CompletableFuture<Long> testI64(long thing) {
        return call(() -> impl.testI64(thing));
    }

    @Override
    public CompletableFuture<Double> testDouble(double thing) {
        return call(() -> impl.testDouble(thing));
    }

    @Override
    public CompletableFuture<byte[]> testBinary(byte[] thing) {
        return call(() -> impl.testBinary(thing));
    }

    @Override
    public CompletableFuture<Xtruct> testStruct(Xtruct thing) {
        return call(() -> impl.testStruct(thing));
    }

    @Override
    public CompletableFuture<Xtruct2> testNest(Xtruct2 thing) {
        return call(() -> impl.testNest(thing));
    }

    @Override
    public CompletableFuture<Map<Integer, Integer>> testMap(Map<Integer, Integer> thing) {
        return call(() -> impl.testMap(thing));
    }

    @Override
    public CompletableFuture<Map<String, String>> testStringMap(Map<String, String> thing) {
        return call(() -> impl.testStringMap(thing));
    }

    @Override
    public CompletableFuture<Set<Integer>> testSet(Set<Integer> thing) {
        return call(() -> impl.testSet(thing));
    }

    @Override
    public CompletableFuture<List<Integer>> testList(List<Integer> thing) {
        return call(() -> impl.testList(thing));
    }

    @Override
    public CompletableFuture<Numberz> testEnum(Numberz thing) {
        return call(() -> impl.testEnum(thing));
    }

    @Override
    public CompletableFuture<Long> testTypedef(long thing) {
        return call(() -> impl.testTypedef(thing));
    }

    @Override
    public CompletableFuture<Map<Integer, Map<Integer, Integer>>> testMapMap(int hello) {
        return call(() -> impl.testMapMap(hello));
    }

    @Override
    public CompletableFuture<Map<Long, Map<Numberz, Insanity>>> testInsanity(Insanity argument) {
        return call(() -> impl.testInsanity(argument));
    }

    @Override
    public CompletableFuture<Xtruct> testMulti(byte arg0, int arg1, long arg2, Map<Short, String> arg3, Numberz arg4, long arg5) {
        return call(() -> impl.testMulti(arg0, arg1, arg2, arg3, arg4, arg5));
    }

    @Override
    public CompletableFuture<Void> testException(String arg) {
        return call(() -> {
            impl.testException(arg);
            return null;
        });
    }

    @Override
    public CompletableFuture<Xtruct> testMultiException(String arg0, String arg1) {
        return call(() -> impl.testMultiException(arg0, arg1));
    }

    @Override
    public CompletableFuture<Void> testOneway(int secondsToSleep) {
        return call(() -> {
            impl.testOneway(secondsToSleep);
            return null;
        });
    }
}
