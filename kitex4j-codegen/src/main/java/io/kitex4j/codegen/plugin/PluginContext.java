package io.kitex4j.codegen.plugin;

import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.util.List;
import java.util.Map;

/** What a {@link GeneratorPlugin} sees and changes. Not thread-safe; valid during {@code process} only. */
public interface PluginContext {

    /** The programs named on the command line. */
    List<IdlProgram> roots();

    /** Every loaded program, includes before the files that include them. */
    List<IdlProgram> programs();

    /** This plugin's options ({@code --plugin name:k=v,...}). */
    Map<String, String> options();

    /** The files generated so far, in a stable order. */
    List<GeneratedFile> files();

    /** Adds a file, or replaces the file with the same path. */
    void put(GeneratedFile file);

    /** Removes the file with that path; returns whether there was one. */
    boolean remove(String relativePath);

    /** A warning shown to the user. */
    void warn(String message);
}
