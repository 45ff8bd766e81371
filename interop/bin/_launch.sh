# Shared by the interop launchers (sourced, not run): finds the built jar of the module
# $KITEX4J_LAUNCH_MODULE (default kitex4j-interop-thrift; the grpc-test-* launchers set
# kitex4j-interop-grpc) and its dependencies (target/lib) relative to this directory and runs
# $MAIN_CLASS.
# Set JAVA (default: $JAVA_HOME/bin/java, else java) and JAVA_OPTS to tune the JVM.

bin_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$bin_dir/../.." && pwd)"
module="${KITEX4J_LAUNCH_MODULE:-kitex4j-interop-thrift}"
target_dir="$repo_dir/$module/target"

jar=""
for f in "$target_dir"/"$module"-*.jar; do
    case "$f" in
        *-sources.jar|*-javadoc.jar|*-tests.jar) ;;
        *) [ -f "$f" ] && jar="$f" ;;
    esac
done
if [ -z "$jar" ] || [ ! -d "$target_dir/lib" ]; then
    echo "error: $module is not built (no jar or lib/ in $target_dir)." >&2
    echo "       Build it first, from $repo_dir: mvn install -DskipTests" >&2
    exit 1
fi

if [ -n "${JAVA:-}" ]; then
    java_cmd="$JAVA"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_cmd="$JAVA_HOME/bin/java"
else
    java_cmd="java"
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$java_cmd" ${JAVA_OPTS:-} -cp "$jar:$target_dir/lib/*" "$MAIN_CLASS" "$@"
