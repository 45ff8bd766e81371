package io.kitex4j.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Process-wide record of the resource leaks Netty's leak detector reports.
 *
 * <p>{@link #install()} replaces Netty's {@link ResourceLeakDetectorFactory} with one whose
 * detectors record every reported leak (traced or untraced, of any resource type: ByteBuf,
 * HashedWheelTimer, ...) in a global list, and still log it as Netty does. It must run before the
 * first ByteBuf allocator class creates its detector ({@code AbstractByteBuf.leakDetector} is a
 * static final field); {@link NettyLeakDetectionExtension} calls it from its static initializer,
 * which JUnit runs before any test class. If it runs too late, it falls back to a
 * {@link ResourceLeakDetector.LeakListener} on the existing ByteBuf detector and says so in
 * {@link #installNote()}.
 *
 * <p>Netty only reports a leak when the detector is used again after the leaked object was
 * garbage-collected; {@link #forceDetection()} provokes that. Thread-safe.
 */
public final class LeakRecorder {

    /** One leak Netty reported. */
    public static final class Leak {
        private final String resourceType;
        private final String records;
        private final String detectedDuring;

        Leak(String resourceType, String records, String detectedDuring) {
            this.resourceType = resourceType;
            this.records = records == null ? "" : records;
            this.detectedDuring = detectedDuring;
        }

        /** The leaked resource's type, e.g. {@code ByteBuf}. */
        public String resourceType() {
            return resourceType;
        }

        /** Netty's access records (empty for an untraced leak). */
        public String records() {
            return records;
        }

        /** The test running when the leak was reported (not necessarily the one that leaked). */
        public String detectedDuring() {
            return detectedDuring;
        }

        @Override
        public String toString() {
            return "LEAK: " + resourceType + ".release() was not called before it was garbage-collected"
                    + " (reported while running " + detectedDuring + ")"
                    + (records.isEmpty() ? " [untraced: run with -Dio.netty.leakDetection.level=paranoid for records]"
                            : records);
        }
    }

    /**
     * A hint ({@code ByteBuf.touch(hint)}) for leaks made on purpose by self-tests: they are
     * recorded as usual but not logged, so the build log shows no false LEAK line.
     */
    public static final String DELIBERATE_LEAK_MARKER = "kitex4j-testing deliberate leak";

    private static final List<Leak> LEAKS = new ArrayList<>();
    private static final int DETECTION_ROUNDS = 4;
    private static boolean installed;
    private static String installNote;
    private static volatile String currentTest = "(no test yet)";

    private LeakRecorder() {}

    /**
     * Installs the recording factory once per JVM (later calls do nothing) and checks that the
     * ByteBuf detector is a recording one.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        // Reading the field initialises AbstractByteBuf now, with our factory in place.
        Object detector = byteBufDetector();
        if (detector instanceof RecordingDetector) {
            installNote = null;
        } else if (detector instanceof ResourceLeakDetector) {
            ((ResourceLeakDetector<?>) detector).setLeakListener((type, records) -> record(type, records));
            installNote = "the ByteBuf leak detector was created before kitex4j-testing installed its factory ("
                    + detector.getClass().getName() + "); leaks are recorded through a LeakListener instead";
        } else {
            installNote = "could not read AbstractByteBuf.leakDetector; ByteBuf leaks may go unrecorded";
        }
        if (installNote != null) {
            System.err.println("[kitex4j-testing] WARNING: " + installNote);
        }
    }

    /** Null when the recording factory created the ByteBuf detector, else what went wrong. */
    public static synchronized String installNote() {
        return installNote;
    }

    /** Whether the ByteBuf leak detector is one of this class's recording detectors. */
    public static boolean byteBufDetectorIsRecording() {
        return byteBufDetector() instanceof RecordingDetector;
    }

    private static Object byteBufDetector() {
        try {
            Field f = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Names the test now running, for leak reports. */
    public static void currentTest(String name) {
        currentTest = name;
    }

    /** The test last named by {@link #currentTest(String)}. */
    public static String currentTest() {
        return currentTest;
    }

    static void record(String resourceType, String records) {
        Leak leak = new Leak(resourceType, records, currentTest);
        synchronized (LEAKS) {
            LEAKS.add(leak);
        }
    }

    /** A snapshot of the leaks recorded so far. */
    public static List<Leak> leaks() {
        synchronized (LEAKS) {
            return new ArrayList<>(LEAKS);
        }
    }

    /** Returns and forgets every recorded leak. */
    public static List<Leak> drain() {
        synchronized (LEAKS) {
            List<Leak> copy = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return copy;
        }
    }

    /** Forgets the recorded leaks that match {@code filter}; returns how many. */
    public static int remove(Predicate<Leak> filter) {
        synchronized (LEAKS) {
            int before = LEAKS.size();
            LEAKS.removeIf(filter);
            return before - LEAKS.size();
        }
    }

    /** Forgets every recorded leak. */
    public static void clear() {
        synchronized (LEAKS) {
            LEAKS.clear();
        }
    }

    /**
     * Makes Netty report the ByteBuf leaks of objects that are already unreachable: a short
     * bounded loop of {@code System.gc()}, a pause for the reference handler, and a few pooled and
     * unpooled allocations (each tracked allocation makes the detector drain its reference queue).
     * Takes well under a second.
     */
    public static void forceDetection() {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        if (level == ResourceLeakDetector.Level.DISABLED) {
            return;
        }
        // Below PARANOID only one allocation in samplingInterval (128) is tracked.
        int allocations = level == ResourceLeakDetector.Level.PARANOID ? 4 : 1024;
        for (int round = 0; round < DETECTION_ROUNDS; round++) {
            System.gc();
            sleep(round == 0 ? 5 : 15);
            for (int i = 0; i < allocations; i++) {
                ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(8);
                direct.release();
                ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
                heap.release();
                ByteBuf unpooled = Unpooled.buffer(8);
                unpooled.release();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates recording detectors for every resource type. */
    static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    /** Records what it reports, then logs it as Netty's own detector does. */
    static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<?> resourceType, int samplingInterval) {
            super(resourceType, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true; // record even when Netty's logger has ERROR off
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record(resourceType, records);
            if (records == null || !records.contains(DELIBERATE_LEAK_MARKER)) {
                super.reportTracedLeak(resourceType, records);
            }
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record(resourceType, "");
            super.reportUntracedLeak(resourceType);
        }
    }
}
