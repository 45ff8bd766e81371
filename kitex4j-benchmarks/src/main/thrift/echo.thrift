// The benchmark IDL of issue 5, exactly. Until the Kitex4j Thrift generator lands, Kitex4j runs
// io.kitex4j.examples.echo.EchoService (whose IDL adds a declared exception and a oneway method;
// the echo method's wire shape is identical), and the libthrift peer uses the hand-written
// io.kitex4j.benchmarks.thrift.LibThriftEcho, written like `thrift --gen java` output.
struct EchoRequest { 1: string message }
struct EchoResponse { 1: string message }
service EchoService { EchoResponse echo(1: EchoRequest req) }
