package io.kitex4j.thrift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class ThriftProtocolsTest {

    @Test
    void createsTheProtocolOfEachIdOverTheGivenBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            ThriftWriter binaryOut = ThriftProtocols.writer(ThriftProtocolId.BINARY, buf);
            ThriftReader binaryIn = ThriftProtocols.reader(ThriftProtocolId.BINARY, buf);
            ThriftWriter compactOut = ThriftProtocols.writer(ThriftProtocolId.COMPACT, buf);
            ThriftReader compactIn = ThriftProtocols.reader(ThriftProtocolId.COMPACT, buf);
            assertThat(binaryOut).isInstanceOfSatisfying(BinaryProtocol.class, p -> assertThat(p.buffer()).isSameAs(buf));
            assertThat(binaryIn).isInstanceOfSatisfying(BinaryProtocol.class, p -> assertThat(p.buffer()).isSameAs(buf));
            assertThat(compactOut).isInstanceOfSatisfying(CompactProtocol.class, p -> assertThat(p.buffer()).isSameAs(buf));
            assertThat(compactIn).isInstanceOfSatisfying(CompactProtocol.class, p -> assertThat(p.buffer()).isSameAs(buf));

            binaryOut.writeI32(42);
            compactOut.writeI32(-42);
            assertThat(binaryIn.readI32()).isEqualTo(42);
            assertThat(compactIn.readI32()).isEqualTo(-42);
        } finally {
            buf.release();
        }
    }
}
