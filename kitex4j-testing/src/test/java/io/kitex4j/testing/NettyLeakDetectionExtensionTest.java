package io.kitex4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Self-test of the leak extension: it is active, installed early, and sees a deliberate leak. */
class NettyLeakDetectionExtensionTest {
    private static final String MARKER = LeakRecorder.DELIBERATE_LEAK_MARKER + " " + System.nanoTime();

    @Test
    void extensionIsAutoRegistered() {
        // beforeEach of the auto-detected extension names the running test.
        assertThat(LeakRecorder.currentTest()).contains(NettyLeakDetectionExtensionTest.class.getName())
                .contains("extensionIsAutoRegistered");
    }

    @Test
    void factoryWasInstalledBeforeTheByteBufDetectorWasCreated() {
        assertThat(LeakRecorder.installNote()).isNull();
        assertThat(LeakRecorder.byteBufDetectorIsRecording()).isTrue();
    }

    @Test
    void buildRunsAtParanoidLevel() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void deliberateLeakIsRecorded() {
        leakOneBuffer();
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<LeakRecorder.Leak> mine = List.of();
        while (mine.isEmpty() && System.nanoTime() < deadline) {
            LeakRecorder.forceDetection();
            mine = LeakRecorder.leaks().stream().filter(l -> l.records().contains(MARKER)).toList();
        }
        // Drop the deliberate leak so that the extension does not fail this class for it.
        LeakRecorder.remove(l -> l.records().contains(MARKER));
        assertThat(mine).as("the recorder saw the deliberate leak").hasSize(1);
        LeakRecorder.Leak leak = mine.get(0);
        assertThat(leak.resourceType()).isEqualTo("ByteBuf");
        assertThat(leak.toString()).contains("LEAK: ByteBuf.release() was not called").contains(MARKER)
                .contains("leakOneBuffer");
    }

    /** Allocates a pooled buffer, touches it with the marker and drops it without releasing. */
    private static void leakOneBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(32);
        buf.writeLong(42);
        buf.touch(MARKER);
    }

    @Test
    void afterAllFailsTheClassWithTheLeakRecords() {
        LeakRecorder.record("ByteBuf", "\n#1:\n\tfake.Allocation.site(Fake.java:1)");
        ExtensionContext ctx = (ExtensionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDisplayName")) {
                        return "FakeLeakyTest";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThatThrownBy(() -> new NettyLeakDetectionExtension().afterAll(ctx))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 resource leak(s) during or after FakeLeakyTest")
                .hasMessageContaining("fake.Allocation.site(Fake.java:1)");
        assertThat(LeakRecorder.leaks()).isEmpty();
    }
}
