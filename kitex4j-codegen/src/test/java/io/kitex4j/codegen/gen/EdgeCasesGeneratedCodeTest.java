package io.kitex4j.codegen.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.CompileOptions;
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
 * gen/idl/edge_cases.thrift: types named like java.lang classes, lower-case types that variables
 * would obscure, colliding field and function names, more than 32 primitive fields, exception
 * fields named like Throwable's accessors, binary inside containers and unions (a ByteBuffer in set
 * elements and map keys), enum numbers the enum does not define (dropped in containers, kept by
 * service args/results and their raw methods), empty unions and services. The generated Java
 * compiles under -Xlint:all -Werror and behaves.
 */
class EdgeCasesGeneratedCodeTest {

    @TempDir
    static Path work;

    static GeneratedCode.Compiled compiled;

    @BeforeAll
    static void generateAndCompile() {
        compiled = GeneratedCode.Compiled.of(List.of(GeneratedCode.resource("gen/idl/edge_cases.thrift")),
                CompileOptions.builder().build(), work, "edge");
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
    void javaLangTypesAreQualifiedInAPackageThatShadowsThem() {
        String object = compiled.result.files().stream()
                .filter(f -> f.relativePath().equals("io/kitex4j/example/edge/Object.java")).findFirst().orElseThrow().content();
        assertThat(object).contains("private java.lang.String plain;").contains("private String s;")
                .contains("public boolean equals(java.lang.Object o)");
    }

    @TestFactory
    Stream<DynamicTest> namesAndShapes() {
        return Drivers.tests(compiled, "drivers.EdgeCases");
    }

    @TestFactory
    Stream<DynamicTest> byteBuffersInSetsAndMapKeysAndUnknownEnumNumbers() {
        return Drivers.tests(compiled, "drivers.EnumsAndBinary");
    }
}
