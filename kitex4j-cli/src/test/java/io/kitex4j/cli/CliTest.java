package io.kitex4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kitex4j} run in-process through its picocli entry point, with a temporary working
 * directory: exit status, stdout and stderr. These cases do not need the Java generator (they
 * fail before it or are about usage); {@link CliGenerateTest} covers successful runs.
 */
class CliTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Kitex4jCli.execute(dir, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    // ---- help, version, usage errors (exit 2)

    @Test
    void versionIsTheProjectVersion() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).matches("(?s)kitex4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*");
        assertThat(r.out()).doesNotContain("${");
        assertThat(run("thrift", "-V").out()).isEqualTo(r.out());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: kitex4j [-hV] COMMAND")
                .contains("Commands:", "  thrift  Compiles Thrift IDL files to Java for the Kitex4j runtime.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void thriftHelpShowsOptionsExamplesExitStatusAndPlugins() {
        Run r = run("thrift", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("Usage: kitex4j thrift [-hvV] [--no-recurse] -o=OUT_DIR [-I=DIR]...")
                .contains("-I, --include-dir=DIR", "-o, --out=OUT_DIR", "-p, --plugin=NAME[:KEY=VALUE,...]",
                        "--no-recurse", "FILE.thrift...", "Examples:", "Exit status: 0 success;")
                .contains("Plugins on the class path:\n  service-catalog      writes kitex4j-catalog.json")
                .contains("\n  test-options         records its options (test plugin)\n");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
        assertThat(run("help", "thrift").out()).isEqualTo(r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("kitex4j: error: missing command\nUsage: kitex4j [-hV] COMMAND");
    }

    @Test
    void missingOutputOptionIsAUsageError() throws IOException {
        write("a.thrift", "struct A {}\n");
        Run r = run("thrift", "a.thrift");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "kitex4j thrift: error: Missing required option: '--out=OUT_DIR'",
                "Try 'kitex4j thrift --help' for more information.");
    }

    @Test
    void noFileIsAUsageError() {
        Run r = run("thrift", "-o", "out");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).first().isEqualTo(
                "kitex4j thrift: error: Missing required parameter: 'FILE.thrift'");
    }

    @Test
    void unknownOptionsAndCommandsGetSuggestions() {
        Run r = run("thrift", "-o", "out", "--no-recurs", "a.thrift");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "kitex4j thrift: error: Unknown option: '--no-recurs'",
                "Possible solutions: --no-recurse",
                "Try 'kitex4j thrift --help' for more information.");
        Run c = run("thrfit");
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains("Unmatched argument at index 0: 'thrfit'", "Did you mean: kitex4j thrift?");
    }

    @Test
    void malformedPluginIsAUsageError() {
        Run r = run("thrift", "-o", "out", "--plugin", "test-options:a=1,,b", "a.thrift");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).first().isEqualTo("kitex4j thrift: error: Invalid value for option '--plugin'"
                + " (NAME[:KEY=VALUE,...]): empty option in 'test-options:a=1,,b' (expected NAME:KEY=VALUE,KEY=VALUE,...)");
    }

    @Test
    void aPluginGivenTwiceIsAUsageError() throws IOException {
        write("a.thrift", "struct A {}\n");
        Run r = run("thrift", "-o", "out", "-p", "test-options:a=1", "-p", "test-options:b=2", "a.thrift");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).first().isEqualTo("kitex4j thrift: error: plugin 'test-options' given twice;"
                + " give all its options in one --plugin test-options:KEY=VALUE,...");
    }

    // ---- inputs and outputs (exit 1, nothing written)

    @Test
    void missingFilesAreReportedTogether() throws IOException {
        write("ok.thrift", "struct A {}\n");
        Files.createDirectories(dir.resolve("idl"));
        Run r = run("thrift", "-o", "out", "nope.thrift", "ok.thrift", "idl");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(
                "kitex4j: error: nope.thrift: no such file",
                "kitex4j: error: idl: is a directory, not a Thrift file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingIncludeDirectoryIsAnError() throws IOException {
        write("ok.thrift", "struct A {}\n");
        write("afile", "");
        Run r = run("thrift", "-I", "nodir", "-I", "afile", "-o", "out", "ok.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "kitex4j: error: nodir: include directory (-I) does not exist",
                "kitex4j: error: afile: include directory (-I) is not a directory");
    }

    @Test
    void outputThatIsAFileIsAnError() throws IOException {
        write("ok.thrift", "struct A {}\n");
        write("out", "not a directory");
        Run r = run("thrift", "-o", "out", "ok.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("kitex4j: error: out: output directory (-o) is a file");
    }

    @Test
    void unknownPluginIsAnErrorNamingTheAvailableOnes() throws IOException {
        write("ok.thrift", "struct A {}\n");
        Run r = run("thrift", "-o", "out", "--plugin", "nope:x=1", "ok.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "kitex4j: error: unknown plugin 'nope'; available: service-catalog, test-options");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    // ---- IDL diagnostics (exit 1, nothing written)

    @Test
    void syntaxErrorIsReportedWithFileLineAndColumnRelativeToTheWorkingDirectory() throws IOException {
        write("idl/bad.thrift", "struct User {\n  1 i64 id\n}\n");
        Run r = run("thrift", "-o", "out", "idl/bad.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(
                "idl/bad.thrift:2:5: error: expected ':' but found 'i64'",
                "kitex4j: 1 error; nothing written");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void filesOutsideTheWorkingDirectoryAreShownWithTheirAbsolutePath() throws IOException {
        Path bad = Files.writeString(elsewhere.resolve("bad.thrift"), "struct User {\n  1 i64 id\n}\n");
        Run r = run("thrift", "-o", "out", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).first()
                .isEqualTo(bad.toRealPath() + ":2:5: error: expected ':' but found 'i64'");
    }

    @Test
    void everyErrorAndWarningIsListedInOrder() throws IOException {
        write("w.thrift", "struct S {\n  i32 a\n  1: Missing b\n  2: Unknown c\n}\n");
        Run r = run("thrift", "-o", "out", "w.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "w.thrift:2:3: warning: field 'a' has no id; it gets the implicit id -1, which changes when"
                        + " fields are added or reordered (write e.g. '1: ')",
                "w.thrift:3:6: error: unknown type 'Missing'",
                "w.thrift:4:6: error: unknown type 'Unknown'",
                "kitex4j: 2 errors; nothing written");
    }

    @Test
    void includesAreFoundThroughIncludeDirectories() throws IOException {
        write("main.thrift", "include \"common.thrift\"\nstruct A {\n  1: common.C c\n}\n");
        // common.thrift is broken on purpose: its error proves which file the include resolved to.
        write("inc/common.thrift", "struct C {\n  1 i32 x\n}\n");

        Run without = run("thrift", "-o", "out", "main.thrift");
        assertThat(without.status()).isEqualTo(1);
        assertThat(without.errLines()).first().asString()
                .startsWith("main.thrift:1:1: error: cannot find included file 'common.thrift' (searched ");

        Run with = run("thrift", "-I", "inc", "-o", "out", "main.thrift");
        assertThat(with.status()).isEqualTo(1);
        assertThat(with.errLines()).containsExactly(
                "inc/common.thrift:2:5: error: expected ':' but found 'i32'", "kitex4j: 1 error; nothing written");

        assertThat(run("thrift", "-Iinc", "--out=out", "main.thrift").errLines()).isEqualTo(with.errLines());
        assertThat(run("thrift", "--include-dir", dir.resolve("inc").toString(), "-o", "out", "main.thrift")
                .errLines()).isEqualTo(with.errLines());
    }

    @Test
    void includeDirectoriesAreSearchedInTheOrderGiven() throws IOException {
        write("main.thrift", "include \"common.thrift\"\nstruct A {\n  1: common.C c\n}\n");
        write("a/common.thrift", "struct C {\n  1 i32 x\n}\n");
        write("b/common.thrift", "struct C {\n  1: i32 x\n  2 i32 y\n}\n");
        assertThat(run("thrift", "-I", "a", "-I", "b", "-o", "out", "main.thrift").errLines()).first()
                .isEqualTo("a/common.thrift:2:5: error: expected ':' but found 'i32'");
        assertThat(run("thrift", "-I", "b", "-I", "a", "-o", "out", "main.thrift").errLines()).first()
                .isEqualTo("b/common.thrift:3:5: error: expected ':' but found 'i32'");
    }
}
