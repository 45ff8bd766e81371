package io.kitex4j.codegen.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes generated from echo.thrift have (at least) the public API of the hand-written echo
 * classes that fixed the target style, so the integration tests and examples written against those
 * keep compiling; and they work against a live server the way those tests use them.
 */
class EchoGeneratedCodeTest {

    private static final List<String> ECHO_CLASSES = List.of(
            "io.kitex4j.examples.echo.EchoRequest", "io.kitex4j.examples.echo.EchoResponse",
            "io.kitex4j.examples.echo.EchoError", "io.kitex4j.examples.echo.EchoService");

    @TempDir
    static Path work;

    static GeneratedCode.Compiled generated;
    static GeneratedCode.JavacResult handWrittenJavac;
    static URLClassLoader handWritten;

    @BeforeAll
    static void compileBoth() {
        generated = GeneratedCode.Compiled.of(List.of(GeneratedCode.echoThriftSnapshot()), CompileOptions.builder().build(),
                work.resolve("generated"), "echo");
        Path handClasses = work.resolve("hand-written-classes");
        handWrittenJavac = GeneratedCode.javac(GeneratedCode.sourcesUnder(GeneratedCode.resource("gen/echo-handwritten")),
                handClasses, List.of("-proc:none", "--release", "17", "-encoding", "UTF-8"), List.of());
        handWritten = GeneratedCode.loader(handClasses);
    }

    @AfterAll
    static void close() throws Exception {
        generated.close();
        handWritten.close();
    }

    @Test
    void generatedEchoCompilesWithoutASingleLintWarning() {
        assertThat(generated.generatedJavac.success()).as(generated.generatedJavac.report()).isTrue();
        assertThat(generated.generatedJavac.diagnostics()).isEmpty();
        assertThat(generated.driverJavac.success()).as(generated.driverJavac.report()).isTrue();
        assertThat(generated.result.files()).extracting(GeneratedFile::relativePath).containsExactlyInAnyOrder(
                "io/kitex4j/examples/echo/EchoRequest.java", "io/kitex4j/examples/echo/EchoResponse.java",
                "io/kitex4j/examples/echo/EchoError.java", "io/kitex4j/examples/echo/EchoService.java");
    }

    @Test
    void theExamplesModulesEchoThriftGeneratesTooWhateverItsCurrentComments() {
        GeneratedCode.Compiled current = GeneratedCode.Compiled.of(List.of(GeneratedCode.echoThrift()),
                CompileOptions.builder().build(), work.resolve("current"), null);
        try (current) {
            assertThat(current.generatedJavac.success()).as(current.generatedJavac.report()).isTrue();
            assertThat(current.generatedJavac.diagnostics()).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void generatedClassesHaveEveryPublicMemberOfTheHandWrittenOnes() throws Exception {
        assertThat(handWrittenJavac.success()).as(handWrittenJavac.report()).isTrue();
        int compared = 0;
        for (String name : ECHO_CLASSES) {
            Class<?> hand = Class.forName(name, false, handWritten);
            Class<?> gen = Class.forName(name, false, generated.loader);
            assertThat(gen.getClassLoader()).isNotSameAs(hand.getClassLoader());
            compared += compare(hand, gen);
        }
        // EchoService alone has Iface, AsyncIface, four wrappers, Stub, constants and definition(...) twice.
        assertThat(compared).as("public members compared").isGreaterThan(60);
    }

    private static int compare(Class<?> hand, Class<?> gen) {
        Set<String> expected = publicApi(hand);
        Set<String> actual = publicApi(gen);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        assertThat(missing).as("public members of hand-written %s missing from the generated class", hand.getName()).isEmpty();
        int compared = expected.size();
        for (Class<?> nested : hand.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                Class<?> genNested = Arrays.stream(gen.getDeclaredClasses())
                        .filter(c -> c.getName().equals(nested.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError("generated code lacks " + nested.getName()));
                compared += compare(nested, genNested);
            }
        }
        return compared;
    }

    /** Every public member as a string with modifiers, generic types and throws clauses. */
    static Set<String> publicApi(Class<?> c) {
        Set<String> api = new TreeSet<>();
        int kind = c.getModifiers() & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL | Modifier.INTERFACE);
        api.add("type " + Modifier.toString(kind) + " " + c.getName() + " extends " + c.getGenericSuperclass()
                + " implements " + Arrays.toString(c.getGenericInterfaces()));
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                api.add(f.toGenericString());
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                api.add(k.toGenericString());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                api.add(m.toGenericString());
            }
        }
        return api;
    }

    @TestFactory
    Stream<DynamicTest> usedLikeTheHandWrittenClasses() {
        return Drivers.tests(generated, "drivers.EchoUsage");
    }
}
