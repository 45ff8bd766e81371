package io.kitex4j.codegen.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * ThriftTest.thrift (Apache's cross-test IDL) generates Java that compiles under -Xlint:all -Werror,
 * whose structs round-trip through binary and compact, and whose service works against a live
 * server (drivers under gen/drivers/thrifttest).
 */
class ThriftTestGeneratedCodeTest {

    @TempDir
    static Path work;

    static GeneratedCode.Compiled compiled;

    @BeforeAll
    static void generateAndCompile() {
        compiled = GeneratedCode.Compiled.of(List.of(GeneratedCode.testdata("ThriftTest.thrift")),
                CompileOptions.builder().build(), work, "thrifttest");
    }

    @AfterAll
    static void close() throws Exception {
        compiled.close();
    }

    @Test
    void generatedJavaCompilesWithoutASingleLintWarning() {
        assertThat(compiled.generatedJavac.success()).as(compiled.generatedJavac.report()).isTrue();
        assertThat(compiled.generatedJavac.diagnostics()).isEmpty();
        assertThat(compiled.driverJavac.success()).as(compiled.driverJavac.report()).isTrue();
    }

    @Test
    void everyStructUnionExceptionEnumServiceAndTheConstantsGetAFileInTheJavaPackage() {
        assertThat(compiled.result.files()).extracting(GeneratedFile::relativePath).containsExactlyInAnyOrder(
                Stream.of("Bonk", "BoolTest", "Bools", "CrazyNesting", "EmptyStruct", "GuessProtocolStruct", "Insanity",
                                "LargeDeltas", "ListBonks", "ListTypeVersioningV1", "ListTypeVersioningV2", "NestedListsBonk",
                                "NestedListsI32x2", "NestedListsI32x3", "NestedMixedx2", "Numberz", "OneField", "OptionalBinary",
                                "OptionalSetDefaultTest", "SecondService", "SomeUnion", "StructA", "StructB", "ThriftTest",
                                "ThriftTestConstants", "VersioningTestV1", "VersioningTestV2", "Xception", "Xception2", "Xtruct",
                                "Xtruct2", "Xtruct3")
                        .map(n -> "thrift/test/" + n + ".java").toArray(String[]::new));
    }

    @Test
    void idlDocCommentsBecomeJavadoc() {
        String service = content("thrift/test/ThriftTest.java");
        assertThat(service).contains("        /**\n"
                + "         * Prints 'testString(\"%s\")' with thing as '%s'\n"
                + "         * &#64;param string thing - the string to print\n"
                + "         * &#64;return string - returns the string 'thing'\n"
                + "         */\n"
                + "        String testString(String thing);\n");
        assertThat(service).contains("'key =&gt; value' pairs");
        String numberz = content("thrift/test/Numberz.java");
        assertThat(numberz).contains("Docstring!");
    }

    static String content(String path) {
        return compiled.result.files().stream().filter(f -> f.relativePath().equals(path)).findFirst()
                .orElseThrow().content();
    }

    @TestFactory
    Stream<DynamicTest> structsUnionsAndExceptions() {
        return Drivers.tests(compiled, "drivers.ThriftTestStructs");
    }

    @TestFactory
    Stream<DynamicTest> serviceAgainstALiveServer() {
        return Drivers.tests(compiled, "drivers.ThriftTestService");
    }
}
