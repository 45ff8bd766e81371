package io.kitex4j.benchmarks.thrift;

import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.TProcessor;
import org.apache.thrift.async.AsyncMethodCallback;
import org.apache.thrift.async.TAsyncClient;
import org.apache.thrift.async.TAsyncClientManager;
import org.apache.thrift.async.TAsyncMethodCall;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TNonblockingTransport;

/**
 * {@code EchoService} of the benchmark IDL for Apache Thrift Java (libthrift 0.22), written by hand
 * on libthrift's {@link TProtocol} API exactly as {@code thrift --gen java} output does it (the
 * standard scheme's read/write, {@code send_echo}/{@code recv_echo}, a {@code TAsyncMethodCall}
 * per call, a processor that dispatches on the method name), without the {@code TBase}
 * bookkeeping (isset bitfields, field metadata maps, deep copies) that the hot path never uses.
 * <pre>
 * struct EchoRequest { 1: string message }
 * struct EchoResponse { 1: string message }
 * service EchoService { EchoResponse echo(1: EchoRequest req) }
 * </pre>
 */
public final class LibThriftEcho {
    private LibThriftEcho() {}

    /** The server-side interface. */
    public interface Iface {
        EchoResponse echo(EchoRequest req) throws TException;
    }

    /** {@code struct EchoRequest { 1: string message }} */
    public static final class EchoRequest {
        private static final TStruct STRUCT_DESC = new TStruct("EchoRequest");
        private static final TField MESSAGE_FIELD_DESC = new TField("message", TType.STRING, (short) 1);

        public String message;

        public EchoRequest() {}

        public EchoRequest(String message) {
            this.message = message;
        }

        public void read(TProtocol iprot) throws TException {
            iprot.readStructBegin();
            while (true) {
                TField f = iprot.readFieldBegin();
                if (f.type == TType.STOP) {
                    break;
                }
                if (f.id == 1 && f.type == TType.STRING) {
                    message = iprot.readString();
                } else {
                    TProtocolUtil.skip(iprot, f.type);
                }
                iprot.readFieldEnd();
            }
            iprot.readStructEnd();
        }

        public void write(TProtocol oprot) throws TException {
            oprot.writeStructBegin(STRUCT_DESC);
            if (message != null) {
                oprot.writeFieldBegin(MESSAGE_FIELD_DESC);
                oprot.writeString(message);
                oprot.writeFieldEnd();
            }
            oprot.writeFieldStop();
            oprot.writeStructEnd();
        }
    }

    /** {@code struct EchoResponse { 1: string message }} */
    public static final class EchoResponse {
        private static final TStruct STRUCT_DESC = new TStruct("EchoResponse");
        private static final TField MESSAGE_FIELD_DESC = new TField("message", TType.STRING, (short) 1);

        public String message;

        public EchoResponse() {}

        public EchoResponse(String message) {
            this.message = message;
        }

        public void read(TProtocol iprot) throws TException {
            iprot.readStructBegin();
            while (true) {
                TField f = iprot.readFieldBegin();
                if (f.type == TType.STOP) {
                    break;
                }
                if (f.id == 1 && f.type == TType.STRING) {
                    message = iprot.readString();
                } else {
                    TProtocolUtil.skip(iprot, f.type);
                }
                iprot.readFieldEnd();
            }
            iprot.readStructEnd();
        }

        public void write(TProtocol oprot) throws TException {
            oprot.writeStructBegin(STRUCT_DESC);
            if (message != null) {
                oprot.writeFieldBegin(MESSAGE_FIELD_DESC);
                oprot.writeString(message);
                oprot.writeFieldEnd();
            }
            oprot.writeFieldStop();
            oprot.writeStructEnd();
        }
    }

    /** {@code echo_args}: field 1 {@code req}. */
    public static final class EchoArgs {
        private static final TStruct STRUCT_DESC = new TStruct("echo_args");
        private static final TField REQ_FIELD_DESC = new TField("req", TType.STRUCT, (short) 1);

        public EchoRequest req;

        public void read(TProtocol iprot) throws TException {
            iprot.readStructBegin();
            while (true) {
                TField f = iprot.readFieldBegin();
                if (f.type == TType.STOP) {
                    break;
                }
                if (f.id == 1 && f.type == TType.STRUCT) {
                    req = new EchoRequest();
                    req.read(iprot);
                } else {
                    TProtocolUtil.skip(iprot, f.type);
                }
                iprot.readFieldEnd();
            }
            iprot.readStructEnd();
        }

        public void write(TProtocol oprot) throws TException {
            oprot.writeStructBegin(STRUCT_DESC);
            if (req != null) {
                oprot.writeFieldBegin(REQ_FIELD_DESC);
                req.write(oprot);
                oprot.writeFieldEnd();
            }
            oprot.writeFieldStop();
            oprot.writeStructEnd();
        }
    }

    /** {@code echo_result}: field 0 {@code success}. */
    public static final class EchoResult {
        private static final TStruct STRUCT_DESC = new TStruct("echo_result");
        private static final TField SUCCESS_FIELD_DESC = new TField("success", TType.STRUCT, (short) 0);

        public EchoResponse success;

        public void read(TProtocol iprot) throws TException {
            iprot.readStructBegin();
            while (true) {
                TField f = iprot.readFieldBegin();
                if (f.type == TType.STOP) {
                    break;
                }
                if (f.id == 0 && f.type == TType.STRUCT) {
                    success = new EchoResponse();
                    success.read(iprot);
                } else {
                    TProtocolUtil.skip(iprot, f.type);
                }
                iprot.readFieldEnd();
            }
            iprot.readStructEnd();
        }

        public void write(TProtocol oprot) throws TException {
            oprot.writeStructBegin(STRUCT_DESC);
            if (success != null) {
                oprot.writeFieldBegin(SUCCESS_FIELD_DESC);
                success.write(oprot);
                oprot.writeFieldEnd();
            }
            oprot.writeFieldStop();
            oprot.writeStructEnd();
        }
    }

    /** The synchronous client ({@code TServiceClient}'s send/receive, without its reflection-free TBase plumbing). */
    public static final class Client implements Iface {
        private final TProtocol iprot;
        private final TProtocol oprot;
        private int seqid;

        public Client(TProtocol prot) {
            this(prot, prot);
        }

        public Client(TProtocol iprot, TProtocol oprot) {
            this.iprot = iprot;
            this.oprot = oprot;
        }

        @Override
        public EchoResponse echo(EchoRequest req) throws TException {
            sendEcho(req);
            return recvEcho();
        }

        void sendEcho(EchoRequest req) throws TException {
            EchoArgs args = new EchoArgs();
            args.req = req;
            oprot.writeMessageBegin(new TMessage("echo", TMessageType.CALL, ++seqid));
            args.write(oprot);
            oprot.writeMessageEnd();
            oprot.getTransport().flush();
        }

        EchoResponse recvEcho() throws TException {
            TMessage msg = iprot.readMessageBegin();
            if (msg.type == TMessageType.EXCEPTION) {
                TApplicationException x = new TApplicationException();
                x.read(iprot);
                iprot.readMessageEnd();
                throw x;
            }
            if (msg.seqid != seqid) {
                throw new TApplicationException(TApplicationException.BAD_SEQUENCE_ID, "echo failed: out of sequence response");
            }
            EchoResult result = new EchoResult();
            result.read(iprot);
            iprot.readMessageEnd();
            if (result.success != null) {
                return result.success;
            }
            throw new TApplicationException(TApplicationException.MISSING_RESULT, "echo failed: unknown result");
        }
    }

    /** The asynchronous client over a {@link TAsyncClientManager} (framed transport, one call at a time). */
    public static final class AsyncClient extends TAsyncClient {
        public AsyncClient(TProtocolFactory protocolFactory, TAsyncClientManager manager, TNonblockingTransport transport) {
            super(protocolFactory, manager, transport);
        }

        public void echo(EchoRequest req, AsyncMethodCallback<EchoResponse> callback) throws TException {
            checkReady();
            EchoCall call = new EchoCall(req, callback, this, ___protocolFactory, ___transport);
            this.___currentMethod = call;
            ___manager.call(call);
        }

        static final class EchoCall extends TAsyncMethodCall<EchoResponse> {
            private final EchoRequest req;

            EchoCall(EchoRequest req, AsyncMethodCallback<EchoResponse> callback, TAsyncClient client,
                     TProtocolFactory protocolFactory, TNonblockingTransport transport) {
                super(client, protocolFactory, transport, callback, false);
                this.req = req;
            }

            @Override
            protected void write_args(TProtocol prot) throws TException {
                prot.writeMessageBegin(new TMessage("echo", TMessageType.CALL, 0));
                EchoArgs args = new EchoArgs();
                args.req = req;
                args.write(prot);
                prot.writeMessageEnd();
            }

            @Override
            protected EchoResponse getResult() throws TException {
                if (getState() != State.RESPONSE_READ) {
                    throw new IllegalStateException("Method call not finished!");
                }
                TMemoryInputTransport memoryTransport = new TMemoryInputTransport(getFrameBuffer().array());
                TProtocol prot = client.getProtocolFactory().getProtocol(memoryTransport);
                Client c = new Client(prot);
                // Generated async calls write seqid 0 and read it back through a fresh Client.
                c.seqid = 0;
                return c.recvEcho();
            }
        }
    }

    /** The processor: reads a call, dispatches on the method name, writes the reply. */
    public static final class Processor implements TProcessor {
        private final Iface iface;

        public Processor(Iface iface) {
            this.iface = iface;
        }

        @Override
        public void process(TProtocol in, TProtocol out) throws TException {
            TMessage msg = in.readMessageBegin();
            if (!"echo".equals(msg.name)) {
                TProtocolUtil.skip(in, TType.STRUCT);
                in.readMessageEnd();
                TApplicationException x = new TApplicationException(TApplicationException.UNKNOWN_METHOD,
                        "Invalid method name: '" + msg.name + "'");
                out.writeMessageBegin(new TMessage(msg.name, TMessageType.EXCEPTION, msg.seqid));
                x.write(out);
                out.writeMessageEnd();
                out.getTransport().flush();
                return;
            }
            EchoArgs args = new EchoArgs();
            args.read(in);
            in.readMessageEnd();
            EchoResult result = new EchoResult();
            result.success = iface.echo(args.req);
            out.writeMessageBegin(new TMessage("echo", TMessageType.REPLY, msg.seqid));
            result.write(out);
            out.writeMessageEnd();
            out.getTransport().flush();
        }
    }
}
