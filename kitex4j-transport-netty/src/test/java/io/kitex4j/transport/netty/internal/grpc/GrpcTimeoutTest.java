package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GrpcTimeoutTest {

    @Test
    void encodesTheFinestUnitThatFitsEightDigitsRoundingUp() {
        assertThat(GrpcTimeout.encode(0)).isEqualTo("0n");
        assertThat(GrpcTimeout.encode(-5)).isEqualTo("0n");
        assertThat(GrpcTimeout.encode(1)).isEqualTo("1n");
        assertThat(GrpcTimeout.encode(99_999_999)).isEqualTo("99999999n");
        assertThat(GrpcTimeout.encode(100_000_000)).isEqualTo("100000u");
        assertThat(GrpcTimeout.encode(100_000_001)).isEqualTo("100001u"); // rounded up, as grpc-go
        // Kitex's capture: a 1.5 s timeout, a little spent, went out in microseconds.
        assertThat(GrpcTimeout.encode(1_499_390_000L)).isEqualTo("1499390u");
        assertThat(GrpcTimeout.encode(TimeUnit.SECONDS.toNanos(100_000))).isEqualTo("100000S");
        assertThat(GrpcTimeout.encode(TimeUnit.HOURS.toNanos(2))).isEqualTo("7200000m");
        assertThat(GrpcTimeout.encode(TimeUnit.DAYS.toNanos(3650))).isEqualTo("5256000M");
        assertThat(GrpcTimeout.encode(Long.MAX_VALUE)).matches("\\d{1,8}[numSMH]");
        for (long n : new long[] {1, 999, 1_000_001, 123_456_789_012L, 9_999_999_999_999L, Long.MAX_VALUE / 2}) {
            String s = GrpcTimeout.encode(n);
            assertThat(s.length()).as(s).isLessThanOrEqualTo(9);
            assertThat(GrpcTimeout.decode(s)).as(s).isGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void decodesEveryUnit() {
        assertThat(GrpcTimeout.decode("5n")).isEqualTo(5);
        assertThat(GrpcTimeout.decode("5u")).isEqualTo(5_000);
        assertThat(GrpcTimeout.decode("5m")).isEqualTo(5_000_000);
        assertThat(GrpcTimeout.decode("5S")).isEqualTo(5_000_000_000L);
        assertThat(GrpcTimeout.decode("5M")).isEqualTo(300_000_000_000L);
        assertThat(GrpcTimeout.decode("5H")).isEqualTo(18_000_000_000_000L);
        assertThat(GrpcTimeout.decode("00000001m")).isEqualTo(1_000_000);
        assertThat(GrpcTimeout.decode("99999999H")).isEqualTo(Long.MAX_VALUE); // saturated
        assertThat(GrpcTimeout.decode("1499390u")).isEqualTo(1_499_390_000L);
    }

    @Test
    void refusesMalformedValuesAsGrpcGoDoes() {
        for (String bad : new String[] {"", "m", "1", "123456789m", "12x", "-1m", "+1m", "1.5S", " 1m", "1 m", "1s", "1h"}) {
            assertThatThrownBy(() -> GrpcTimeout.decode(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> GrpcTimeout.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
