package io.kitex4j.internal.common;

import java.lang.reflect.Method;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors for blocking handlers: virtual threads when the runtime has them (Java 21+, found
 * by reflection since the code targets 17), else a bounded platform-thread pool.
 */
public final class HandlerExecutors {
    private static final Method NEW_VIRTUAL = findVirtual();

    private HandlerExecutors() {}

    private static Method findVirtual() {
        try {
            return java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Whether this JVM has virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return NEW_VIRTUAL != null;
    }

    /** A virtual-thread-per-task executor, or {@code null} before Java 21. */
    public static ExecutorService newVirtualThreadExecutor() {
        if (NEW_VIRTUAL == null) {
            return null;
        }
        try {
            return (ExecutorService) NEW_VIRTUAL.invoke(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * A pool without a queue: a platform thread per running task, up to {@code maxThreads}
     * (created on demand, kept 60 s when idle); beyond that, rejection. For tasks that block for
     * long (stream handlers), which a queue would leave waiting behind each other.
     */
    public static ExecutorService newGrowingPool(String name, int maxThreads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A bounded pool: {@code threads} platform threads and a queue of {@code queue} tasks; beyond that, rejection. */
    public static ExecutorService newBoundedPool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
