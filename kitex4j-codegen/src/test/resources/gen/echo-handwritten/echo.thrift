// The example service. The classes in io.kitex4j.examples.echo are written exactly as the
// Kitex4j Thrift generator emits them (until that generator exists, issue 3).
namespace java io.kitex4j.examples.echo
namespace go echo

struct EchoRequest {
  1: string message
}

struct EchoResponse {
  1: string message
}

exception EchoError {
  1: i32 code
  2: string reason
}

service EchoService {
  EchoResponse echo(1: EchoRequest req) throws (1: EchoError err)
  oneway void fire(1: EchoRequest req)
}
