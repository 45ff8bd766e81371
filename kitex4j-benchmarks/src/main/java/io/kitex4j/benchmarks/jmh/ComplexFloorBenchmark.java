package io.kitex4j.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under any decoder of {@link Complex}: building the decoded object graph alone, with no
 * parsing. The strings' UTF-8 bytes sit back to back in one heap array and the numbers in arrays
 * (what a decoder has found once it has parsed everything), and each benchmark creates exactly
 * the objects a decode returns: every {@code String} from its bytes, the lists, the maps and sets
 * with their boxed keys and values, the blob's array. {@code linked} builds the containers the
 * Kitex4j generator emits ({@code LinkedHashMap}/{@code LinkedHashSet} of the wire size),
 * {@code hash} those of {@code thrift --gen java} ({@code HashMap}/{@code HashSet} of twice the
 * size). Compare with {@link ThriftCodecBenchmark}'s decode of {@code complex}: time and
 * allocation ({@code -prof gc}) above these are the codec's own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@State(Scope.Thread)
public class ComplexFloorBenchmark {

    private byte[] utf8;
    private int[] offsets;
    private int[] lengths;
    private long[] longs;
    private double[] doubles;
    private boolean[] bools;
    private int[] ints;
    private byte[] blob;
    private Complex expected;

    private int s;
    private int l;
    private int d;
    private int b;
    private int i;

    @Setup(Level.Trial)
    public void setup() {
        expected = Complex.sample();
        List<String> strings = new ArrayList<>();
        List<Long> ls = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        List<Boolean> bs = new ArrayList<>();
        List<Integer> is = new ArrayList<>();
        is.add(expected.id);
        strings.add(expected.title);
        ls.add(expected.timestamp);
        flatten(expected.main, strings, ls, ds, bs);
        is.add(expected.items.size());
        for (Complex.Item it : expected.items) {
            flatten(it, strings, ls, ds, bs);
        }
        is.add(expected.counters.size());
        for (Map.Entry<String, Long> e : expected.counters.entrySet()) {
            strings.add(e.getKey());
            ls.add(e.getValue());
        }
        is.add(expected.codes.size());
        is.addAll(expected.codes);
        is.add(expected.byId.size());
        for (Map.Entry<Integer, Complex.Item> e : expected.byId.entrySet()) {
            is.add(e.getKey());
            flatten(e.getValue(), strings, ls, ds, bs);
        }
        is.add((int) expected.flags);
        ds.add(expected.ratio);
        blob = expected.blob.clone();

        StringBuilder all = new StringBuilder();
        offsets = new int[strings.size()];
        lengths = new int[strings.size()];
        int off = 0;
        for (int k = 0; k < strings.size(); k++) {
            int n = strings.get(k).getBytes(StandardCharsets.UTF_8).length;
            offsets[k] = off;
            lengths[k] = n;
            off += n;
            all.append(strings.get(k));
        }
        utf8 = all.toString().getBytes(StandardCharsets.UTF_8);
        longs = ls.stream().mapToLong(Long::longValue).toArray();
        doubles = ds.stream().mapToDouble(Double::doubleValue).toArray();
        bools = new boolean[bs.size()];
        for (int k = 0; k < bools.length; k++) {
            bools[k] = bs.get(k);
        }
        ints = is.stream().mapToInt(Integer::intValue).toArray();
        if (!expected.equals(linked()) || !expected.equals(hash())) {
            throw new IllegalStateException("the floor does not rebuild the sample");
        }
    }

    private static void flatten(Complex.Item it, List<String> strings, List<Long> ls, List<Double> ds, List<Boolean> bs) {
        ls.add(it.id);
        strings.add(it.name);
        ds.add(it.price);
        bs.add(it.available);
        ls.add((long) it.tags.size());
        strings.addAll(it.tags);
    }

    private String str() {
        int k = s++;
        return new String(utf8, offsets[k], lengths[k], StandardCharsets.UTF_8);
    }

    private Complex.Item item() {
        Complex.Item it = new Complex.Item();
        it.id = longs[l++];
        it.name = str();
        it.price = doubles[d++];
        it.available = bools[b++];
        int n = (int) longs[l++];
        List<String> tags = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            tags.add(str());
        }
        it.tags = tags;
        return it;
    }

    private Complex build(boolean linked) {
        s = l = d = b = i = 0;
        Complex c = new Complex();
        c.id = ints[i++];
        c.title = str();
        c.timestamp = longs[l++];
        c.main = item();
        int n = ints[i++];
        List<Complex.Item> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            items.add(item());
        }
        c.items = items;
        n = ints[i++];
        Map<String, Long> counters = linked ? new LinkedHashMap<>(n) : new HashMap<>(2 * n);
        for (int k = 0; k < n; k++) {
            counters.put(str(), longs[l++]);
        }
        c.counters = counters;
        n = ints[i++];
        Set<Integer> codes = linked ? new LinkedHashSet<>(n) : new HashSet<>(2 * n);
        for (int k = 0; k < n; k++) {
            codes.add(ints[i++]);
        }
        c.codes = codes;
        c.blob = Arrays.copyOf(blob, blob.length);
        n = ints[i++];
        Map<Integer, Complex.Item> byId = linked ? new LinkedHashMap<>(n) : new HashMap<>(2 * n);
        for (int k = 0; k < n; k++) {
            int key = ints[i++];
            byId.put(key, item());
        }
        c.byId = byId;
        c.flags = (short) ints[i++];
        c.ratio = doubles[d++];
        return c;
    }

    /** The objects Kitex4j's generated code returns. */
    @Benchmark
    public Complex linked() {
        return build(true);
    }

    /** The objects libthrift's generated code returns. */
    @Benchmark
    public Complex hash() {
        return build(false);
    }
}
