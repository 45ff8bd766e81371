package io.kitex4j.codegen.internal.java;

import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.util.List;

/** Generates Java for the Kitex4j runtime from resolved IDL programs. */
public final class JavaGenerator {
    private JavaGenerator() {}

    /** The Java files for {@code programs} (each program's definitions, in its Java package). */
    public static List<GeneratedFile> generate(List<IdlProgram> programs) {
        throw new UnsupportedOperationException("the Java generator is being written");
    }
}
