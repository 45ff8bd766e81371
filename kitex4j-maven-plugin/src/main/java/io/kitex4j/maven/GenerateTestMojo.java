package io.kitex4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code generate} for tests: Java from the Thrift IDL in {@code src/test/thrift} into
 * {@code target/generated-test-sources/kitex4j}, added to the test compile source roots.
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateTestMojo extends AbstractGenerateMojo {

    /** The directory holding the IDL files. */
    @Parameter(property = "kitex4j.testSourceDirectory", defaultValue = "${project.basedir}/src/test/thrift")
    File sourceDirectory;

    /** Where the Java files are written; added to the test compile source roots. */
    @Parameter(property = "kitex4j.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/kitex4j")
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
        project.addTestCompileSourceRoot(dir);
    }
}
