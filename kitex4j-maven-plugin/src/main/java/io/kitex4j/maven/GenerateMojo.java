package io.kitex4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java from the Thrift IDL in {@code src/main/thrift} into
 * {@code target/generated-sources/kitex4j} and adds that directory to the compile source roots.
 * Incremental: when no IDL file, option or generator changed since the last run, nothing is done.
 *
 * <p>Configuration: see the module's README (sourceDirectory, includes, excludes, includeDirs,
 * outputDirectory, plugins, generateIncludes, skip).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractGenerateMojo {

    /** The directory holding the IDL files. */
    @Parameter(property = "kitex4j.sourceDirectory", defaultValue = "${project.basedir}/src/main/thrift")
    File sourceDirectory;

    /** Where the Java files are written; added to the compile source roots. */
    @Parameter(property = "kitex4j.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/kitex4j")
    File outputDirectory;

    @Override
    File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    void addSourceRoot(MavenProject project, String dir) {
        project.addCompileSourceRoot(dir);
    }
}
