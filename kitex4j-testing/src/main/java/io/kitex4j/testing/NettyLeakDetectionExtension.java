package io.kitex4j.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a resource leak (a {@code ByteBuf} not released, ...)
 * during or right after it.
 *
 * <p>Registered automatically in every module that has kitex4j-testing on its test class path
 * (META-INF/services plus {@code junit.jupiter.extensions.autodetection.enabled=true} in the
 * junit-platform.properties this jar ships). Its static initializer installs the recording
 * {@link LeakRecorder} factory before any test class runs, so before Netty's ByteBuf allocators
 * create their leak detector. After each test class it forces detection
 * ({@link LeakRecorder#forceDetection()}) and fails the class with every leak record if any leak
 * was reported. A leak is reported when its buffer is garbage-collected, so it can surface one
 * class late; the records name the allocation and access points either way.
 *
 * <p>Run with {@code -Dio.netty.leakDetection.level=paranoid} (the build does) so every buffer
 * is tracked and the records hold stack traces.
 */
public final class NettyLeakDetectionExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static {
        LeakRecorder.install();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakRecorder.currentTest(context.getDisplayName() + " (class setup)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LeakRecorder.currentTest(context.getRequiredTestClass().getName() + "#" + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LeakRecorder.currentTest(context.getDisplayName() + " (class teardown)");
        LeakRecorder.forceDetection();
        List<LeakRecorder.Leak> leaks = LeakRecorder.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(describe(context.getDisplayName(), leaks));
        }
    }

    static String describe(String where, List<LeakRecorder.Leak> leaks) {
        StringBuilder sb = new StringBuilder();
        sb.append("Netty reported ").append(leaks.size()).append(" resource leak(s) during or after ").append(where)
                .append(" (kitex4j-testing NettyLeakDetectionExtension):");
        int i = 1;
        for (LeakRecorder.Leak leak : leaks) {
            sb.append("\n\n#").append(i++).append(' ').append(leak);
        }
        return sb.toString();
    }
}
