// The benchmark IDL of issue 5, exactly. kitex4j-maven-plugin generates the Kitex4j side (package
// `echo`, the fallback from the file name); the libthrift peer uses the hand-written
// io.kitex4j.benchmarks.thrift.LibThriftEcho, written like `thrift --gen java` output.
struct EchoRequest { 1: string message }
struct EchoResponse { 1: string message }
service EchoService { EchoResponse echo(1: EchoRequest req) }
