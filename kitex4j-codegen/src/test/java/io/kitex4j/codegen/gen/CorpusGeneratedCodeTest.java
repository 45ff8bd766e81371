package io.kitex4j.codegen.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.GeneratedFile;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realistic corpus (includes across directories, every constant form, keywords, deep
 * nesting, recursion, services extending services across files) generates Java that compiles
 * under -Xlint:all -Werror and behaves (drivers under gen/drivers/corpus).
 */
class CorpusGeneratedCodeTest {

    @TempDir
    static Path work;

    static GeneratedCode.Compiled compiled;

    @BeforeAll
    static void generateAndCompile() {
        compiled = GeneratedCode.Compiled.of(GeneratedCode.corpus(), GeneratedCode.corpusOptions(), work, "corpus");
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
    void javaKeywordTypeNamesGetATrailingUnderscore() {
        assertThat(compiled.result.files()).extracting(GeneratedFile::relativePath).contains(
                "io/kitex4j/example/keywords/class_.java",
                "io/kitex4j/example/keywords/switch_.java",
                "io/kitex4j/example/keywords/synchronized_.java",
                "io/kitex4j/example/keywords/interface_.java",
                "io/kitex4j/example/keywords/throwable.java",
                "io/kitex4j/example/keywords/KeywordsConstants.java");
    }

    @Test
    void includedProgramsAreGeneratedIntoTheirOwnPackages() {
        assertThat(compiled.result.files()).extracting(GeneratedFile::relativePath).contains(
                "io/kitex4j/example/base/ServiceException.java",
                "io/kitex4j/example/base/BaseConstants.java",
                "io/kitex4j/example/shared/HealthService.java",
                "io/kitex4j/example/user/AdminUserService.java",
                "io/kitex4j/example/order/OrderAuditService.java");
    }

    @TestFactory
    Stream<DynamicTest> structsConstantsAndNames() {
        return Drivers.tests(compiled, "drivers.CorpusBehaviour");
    }

    @TestFactory
    Stream<DynamicTest> servicesThatExtendServices() {
        return Drivers.tests(compiled, "drivers.InheritedServices");
    }
}
