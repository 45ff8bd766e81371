package io.kitex4j.thrift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;

/**
 * A protocol-neutral sequence of Thrift write calls. The same script is replayed on our writers
 * and on libthrift's, and checked against our readers and libthrift's, so the tests compare both
 * the bytes and the decoded values.
 */
final class Script {

    /** One write call, together with the matching read and the check of what was read. */
    interface Op {
        void write(ThriftWriter out);

        void write(TProtocol out, ThriftProtocolId id) throws TException;

        void check(ThriftReader in, ThriftProtocolId id);

        void check(TProtocol in, ThriftProtocolId id) throws TException;
    }

    private final List<Op> ops = new ArrayList<>();

    List<Op> ops() {
        return ops;
    }

    Script add(Op op) {
        ops.add(op);
        return this;
    }

    // ------------------------------------------------------------ builder shortcuts

    Script message(String name, byte type, int seqId) {
        return add(new MessageBegin(name, type, seqId));
    }

    Script messageEnd() {
        return add(new MessageEnd());
    }

    Script struct() {
        return add(new StructBegin());
    }

    Script structEnd() {
        return add(new FieldStop()).add(new StructEnd());
    }

    Script field(byte type, int id) {
        return add(new FieldBegin(type, (short) id));
    }

    Script fieldEnd() {
        return add(new FieldEnd());
    }

    Script list(byte elementType, int size) {
        return add(new ListBegin(elementType, size));
    }

    Script listEnd() {
        return add(new ListEnd());
    }

    Script set(byte elementType, int size) {
        return add(new SetBegin(elementType, size));
    }

    Script setEnd() {
        return add(new SetEnd());
    }

    Script map(byte keyType, byte valueType, int size) {
        return add(new MapBegin(keyType, valueType, size));
    }

    Script mapEnd() {
        return add(new MapEnd());
    }

    Script bool(boolean v) {
        return add(new BoolV(v));
    }

    Script i8(int v) {
        return add(new ByteV((byte) v));
    }

    Script i16(int v) {
        return add(new I16V((short) v));
    }

    Script i32(int v) {
        return add(new I32V(v));
    }

    Script i64(long v) {
        return add(new I64V(v));
    }

    Script dbl(double v) {
        return add(new DoubleV(v));
    }

    Script str(String v) {
        return add(new StringV(v));
    }

    Script bin(byte[] v) {
        return add(new BinaryV(v));
    }

    Script uuid(UUID v) {
        return add(new UuidV(v));
    }

    // ------------------------------------------------------------ replay

    void writeTo(ThriftWriter out) {
        for (Op op : ops) {
            op.write(out);
        }
    }

    void writeTo(TProtocol out, ThriftProtocolId id) throws TException {
        for (Op op : ops) {
            op.write(out, id);
        }
    }

    void checkWith(ThriftReader in, ThriftProtocolId id) {
        for (Op op : ops) {
            op.check(in, id);
        }
    }

    void checkWith(TProtocol in, ThriftProtocolId id) throws TException {
        for (Op op : ops) {
            op.check(in, id);
        }
    }

    // ------------------------------------------------------------ ops

    record MessageBegin(String name, byte type, int seqId) implements Op {
        public void write(ThriftWriter out) {
            out.writeMessageBegin(name, type, seqId);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeMessageBegin(new TMessage(name, type, seqId));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readMessageBegin()).isEqualTo(type);
            assertThat(in.messageName()).isEqualTo(name);
            assertThat(in.messageSeqId()).isEqualTo(seqId);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            TMessage m = in.readMessageBegin();
            assertThat(m.type).isEqualTo(type);
            assertThat(m.name).isEqualTo(name);
            assertThat(m.seqid).isEqualTo(seqId);
        }
    }

    record MessageEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeMessageEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeMessageEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readMessageEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readMessageEnd();
        }
    }

    record StructBegin() implements Op {
        public void write(ThriftWriter out) {
            out.writeStructBegin();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeStructBegin(new TStruct(""));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readStructBegin();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readStructBegin();
        }
    }

    record StructEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeStructEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeStructEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readStructEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readStructEnd();
        }
    }

    record FieldBegin(byte type, short id) implements Op {
        public void write(ThriftWriter out) {
            out.writeFieldBegin(type, id);
        }

        public void write(TProtocol out, ThriftProtocolId protocol) throws TException {
            out.writeFieldBegin(new TField("", type, id));
        }

        public void check(ThriftReader in, ThriftProtocolId protocol) {
            assertThat(in.readFieldBegin()).isEqualTo(type);
            assertThat(in.fieldId()).isEqualTo(id);
        }

        public void check(TProtocol in, ThriftProtocolId protocol) throws TException {
            TField f = in.readFieldBegin();
            assertThat(f.type).isEqualTo(type);
            assertThat(f.id).isEqualTo(id);
        }
    }

    record FieldEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeFieldEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeFieldEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readFieldEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readFieldEnd();
        }
    }

    record FieldStop() implements Op {
        public void write(ThriftWriter out) {
            out.writeFieldStop();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeFieldStop();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readFieldBegin()).isEqualTo(TType.STOP);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readFieldBegin().type).isEqualTo(TType.STOP);
        }
    }

    record MapBegin(byte keyType, byte valueType, int size) implements Op {
        public void write(ThriftWriter out) {
            out.writeMapBegin(keyType, valueType, size);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeMapBegin(new TMap(keyType, valueType, size));
        }

        /** An empty compact map carries no key and value types. */
        private boolean typesOnWire(ThriftProtocolId id) {
            return size > 0 || id == ThriftProtocolId.BINARY;
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readMapBegin()).isEqualTo(size);
            if (typesOnWire(id)) {
                assertThat(in.keyType()).isEqualTo(keyType);
                assertThat(in.valueType()).isEqualTo(valueType);
            }
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            TMap m = in.readMapBegin();
            assertThat(m.size).isEqualTo(size);
            if (typesOnWire(id)) {
                assertThat(m.keyType).isEqualTo(keyType);
                assertThat(m.valueType).isEqualTo(valueType);
            }
        }
    }

    record MapEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeMapEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeMapEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readMapEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readMapEnd();
        }
    }

    record ListBegin(byte elementType, int size) implements Op {
        public void write(ThriftWriter out) {
            out.writeListBegin(elementType, size);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeListBegin(new TList(elementType, size));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readListBegin()).isEqualTo(size);
            assertThat(in.elementType()).isEqualTo(elementType);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            TList l = in.readListBegin();
            assertThat(l.size).isEqualTo(size);
            assertThat(l.elemType).isEqualTo(elementType);
        }
    }

    record ListEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeListEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeListEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readListEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readListEnd();
        }
    }

    record SetBegin(byte elementType, int size) implements Op {
        public void write(ThriftWriter out) {
            out.writeSetBegin(elementType, size);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeSetBegin(new TSet(elementType, size));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readSetBegin()).isEqualTo(size);
            assertThat(in.elementType()).isEqualTo(elementType);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            TSet s = in.readSetBegin();
            assertThat(s.size).isEqualTo(size);
            assertThat(s.elemType).isEqualTo(elementType);
        }
    }

    record SetEnd() implements Op {
        public void write(ThriftWriter out) {
            out.writeSetEnd();
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeSetEnd();
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            in.readSetEnd();
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            in.readSetEnd();
        }
    }

    record BoolV(boolean value) implements Op {
        public void write(ThriftWriter out) {
            out.writeBool(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeBool(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readBool()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readBool()).isEqualTo(value);
        }
    }

    record ByteV(byte value) implements Op {
        public void write(ThriftWriter out) {
            out.writeByte(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeByte(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readByte()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readByte()).isEqualTo(value);
        }
    }

    record I16V(short value) implements Op {
        public void write(ThriftWriter out) {
            out.writeI16(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeI16(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readI16()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readI16()).isEqualTo(value);
        }
    }

    record I32V(int value) implements Op {
        public void write(ThriftWriter out) {
            out.writeI32(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeI32(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readI32()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readI32()).isEqualTo(value);
        }
    }

    record I64V(long value) implements Op {
        public void write(ThriftWriter out) {
            out.writeI64(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeI64(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readI64()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readI64()).isEqualTo(value);
        }
    }

    record DoubleV(double value) implements Op {
        public void write(ThriftWriter out) {
            out.writeDouble(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeDouble(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(Double.doubleToLongBits(in.readDouble())).isEqualTo(Double.doubleToLongBits(value));
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(Double.doubleToLongBits(in.readDouble())).isEqualTo(Double.doubleToLongBits(value));
        }
    }

    record StringV(String value) implements Op {
        public void write(ThriftWriter out) {
            out.writeString(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeString(value);
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readString()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(in.readString()).isEqualTo(value);
        }
    }

    record BinaryV(byte[] value) implements Op {
        public void write(ThriftWriter out) {
            out.writeBinary(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeBinary(ByteBuffer.wrap(value));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readBinary()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            ByteBuffer b = in.readBinary();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            assertThat(bytes).isEqualTo(value);
        }
    }

    /** UUIDs go through {@link Libthrift#toLibthrift} because libthrift 0.22 orders their bytes differently. */
    record UuidV(UUID value) implements Op {
        public void write(ThriftWriter out) {
            out.writeUuid(value);
        }

        public void write(TProtocol out, ThriftProtocolId id) throws TException {
            out.writeUuid(Libthrift.toLibthrift(id, value));
        }

        public void check(ThriftReader in, ThriftProtocolId id) {
            assertThat(in.readUuid()).isEqualTo(value);
        }

        public void check(TProtocol in, ThriftProtocolId id) throws TException {
            assertThat(Libthrift.toLibthrift(id, in.readUuid())).isEqualTo(value);
        }
    }
}
