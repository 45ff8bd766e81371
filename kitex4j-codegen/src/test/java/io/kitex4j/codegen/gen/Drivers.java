package io.kitex4j.codegen.gen;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs test drivers: classes under src/test/resources/gen/drivers, compiled in-process together
 * with the generated code they exercise (so they use the generated API directly, without
 * reflection). Each public static no-argument method of a driver is one dynamic test, named after
 * the method; it fails by throwing (AssertJ assertions work: AssertJ comes from the test class path).
 */
final class Drivers {
    private Drivers() {}

    static Stream<DynamicTest> tests(GeneratedCode.Compiled compiled, String driverClass) {
        Class<?> driver = compiled.load(driverClass);
        return Arrays.stream(driver.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .map(m -> DynamicTest.dynamicTest(m.getName(), () -> invoke(m)));
    }

    static void run(GeneratedCode.Compiled compiled, String driverClass, String method) throws Throwable {
        invoke(compiled.load(driverClass).getMethod(method));
    }

    private static void invoke(Method m) throws Throwable {
        try {
            m.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
