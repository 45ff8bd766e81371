# Shared by benchmarks/bin/*: locates the benchmark jar and the JVM flags every target gets.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_JAR="${BENCH_JAR:-$BENCH_ROOT/kitex4j-benchmarks/target/benchmarks.jar}"
if [[ ! -f "$BENCH_JAR" ]]; then
  echo "benchmark jar not found: $BENCH_JAR" >&2
  echo "build it first:  cd $BENCH_ROOT && mvn -q install -DskipTests" >&2
  exit 2
fi
JAVA="${JAVA:-java}"
# The same flags for every target, server and client (override with BENCH_JVM_FLAGS).
BENCH_JVM_FLAGS="${BENCH_JVM_FLAGS:--Xms1g -Xmx1g -XX:+UseG1GC -Dio.netty.leakDetection.level=disabled -Dorg.slf4j.simpleLogger.defaultLogLevel=warn}"
