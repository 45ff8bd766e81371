package io.kitex4j.interop.thrift;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs the checks of a ThriftTest client and keeps the score the way Apache's cross-test clients
 * do: every call prints one line, a failed check prints {@code *** FAILURE ***} and sets its
 * category bit in {@link #returnCode()} (Apache's {@code ERR_*} codes), which is the exit code.
 *
 * <p>Used by our client ({@link ThriftTestClient}) and by the libthrift client of the tests, so
 * both report the same way. Not thread-safe.
 */
public final class CrossTestReport {
    /** A base type came back wrong (string, bool, numbers, binary, void, oneway). */
    public static final int ERR_BASETYPES = 1;
    /** A struct (or enum) came back wrong. */
    public static final int ERR_STRUCTS = 2;
    /** A container came back wrong. */
    public static final int ERR_CONTAINERS = 4;
    /** A declared or undeclared exception did not arrive as it should. */
    public static final int ERR_EXCEPTIONS = 8;
    /** Protocol-level failure (Apache's multiplexed checks; unused here). */
    public static final int ERR_PROTOCOLS = 16;
    /** Anything else: connect failure, unexpected exception outside a check. */
    public static final int ERR_UNKNOWN = 64;

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    /** One failed check. */
    public record Failure(String call, int category, String detail) {
        @Override
        public String toString() {
            return call + ": " + detail;
        }
    }

    private final PrintStream out;
    private final List<Failure> failures = new ArrayList<>();
    private int checks;
    private int returnCode;

    public CrossTestReport(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Calls {@code call} and checks that it returns a value equal to {@code expected}. */
    public <T> T expectEquals(String description, int category, Call<T> call, T expected) {
        return expect(description, category, call, v -> Objects.equals(v, expected), String.valueOf(expected));
    }

    /** Calls {@code call} and checks its result with {@code ok}; {@code expected} describes a good result. */
    public <T> T expect(String description, int category, Call<T> call, Predicate<? super T> ok, String expected) {
        checks++;
        out.print(description);
        T value;
        try {
            value = call.run();
        } catch (Exception | AssertionError e) {
            out.println(" => unexpected " + e);
            failed(description, category, "expected " + expected + " but the call threw " + e);
            e.printStackTrace(out);
            return null;
        }
        out.println(" = " + show(value));
        boolean good;
        try {
            good = ok.test(value);
        } catch (RuntimeException e) {
            good = false;
        }
        if (!good) {
            failed(description, category, "expected " + expected + " but got " + show(value));
        }
        return value;
    }

    /**
     * Calls {@code call} and checks that it throws a {@code type} accepted by {@code ok};
     * {@code expected} describes the right exception.
     */
    public <X extends Throwable> void expectThrows(String description, int category, Call<?> call, Class<X> type,
            Predicate<? super X> ok, String expected) {
        checks++;
        out.print(description);
        Object value;
        try {
            value = call.run();
        } catch (Exception e) {
            if (type.isInstance(e)) {
                X x = type.cast(e);
                boolean good;
                try {
                    good = ok.test(x);
                } catch (RuntimeException r) {
                    good = false;
                }
                out.println(" => " + e);
                if (!good) {
                    failed(description, category, "expected " + expected + " but got " + e);
                }
            } else {
                out.println(" => unexpected " + e);
                failed(description, category, "expected " + expected + " but got " + e);
                e.printStackTrace(out);
            }
            return;
        }
        out.println(" = " + show(value) + " (no exception)");
        failed(description, category, "expected " + expected + " but the call returned " + show(value));
    }

    /** Records a failed step outside the calls (e.g. a connect failure); it counts as a check. */
    public void fail(String description, int category, String detail) {
        checks++;
        failed(description, category, detail);
    }

    /** Counts a check made by the caller itself ({@code good} tells whether it passed). */
    public void check(String description, int category, boolean good, String detail) {
        checks++;
        if (!good) {
            failed(description, category, detail);
        }
    }

    private void failed(String description, int category, String detail) {
        out.println("*** FAILURE *** " + description + ": " + detail);
        failures.add(new Failure(description, category, detail));
        returnCode |= category;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public int checks() {
        return checks;
    }

    /** Apache's exit code: the OR of the categories that failed; 0 when every check passed. */
    public int returnCode() {
        return returnCode;
    }

    /** Prints the summary line and every failure. */
    public void printSummary(String what) {
        out.println();
        out.println(what + ": " + checks + " checks, " + (checks - failures.size()) + " passed, "
                + failures.size() + " failed" + (returnCode == 0 ? "" : " (exit code " + returnCode + ")"));
        for (Failure f : failures) {
            out.println("  FAILED " + f);
        }
    }

    static String show(Object v) {
        if ("void".equals(v)) {
            return "void";
        }
        if (v instanceof String) {
            return '"' + (String) v + '"';
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(b[i]);
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }
}
