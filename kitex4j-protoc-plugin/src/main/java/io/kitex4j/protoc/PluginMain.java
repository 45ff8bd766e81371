package io.kitex4j.protoc;

import com.google.protobuf.compiler.PluginProtos.CodeGeneratorResponse;
import io.kitex4j.protoc.internal.Generator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code protoc-gen-kitex4j}: the Kitex4j protoc plugin. protoc starts it (through
 * {@code --plugin=protoc-gen-kitex4j=LAUNCHER --kitex4j_out=DIR}), writes a serialized
 * {@code CodeGeneratorRequest} to its standard input and reads a {@code CodeGeneratorResponse}
 * from its standard output: one Java class per service of the files protoc was asked to compile
 * (messages come from protoc's own {@code --java_out}).
 *
 * <p>Parameters ({@code --kitex4j_opt=K=V,...}), none required: {@code generated_annotation=false}
 * leaves out {@code @Generated}; {@code javadoc=false} leaves out the proto comments;
 * {@code service_package=<java package>} puts the service classes into that Java package instead
 * of the file's (the messages stay where {@code java_out} puts them). Unknown parameters and bad
 * values are errors.
 *
 * <p>Problems (a bad parameter, a class name that protoc's {@code java_out} also generates, an
 * unreadable request) go into the response's {@code error} field, which protoc prints before it
 * fails; the plugin still exits with status 0, as the plugin protocol asks. Nothing but the
 * response is ever written to standard output (anything else printed goes to standard error).
 */
public final class PluginMain {
    private PluginMain() {}

    public static void main(String[] args) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintStream stderr = System.err;
        // Standard output carries the response only: keep stray prints off it.
        System.setOut(stderr);
        if (args.length > 0) {
            stderr.println("protoc-gen-kitex4j: a protoc plugin; it takes no arguments. Run it through protoc:");
            stderr.println("  protoc --plugin=protoc-gen-kitex4j=PATH --kitex4j_out=OUT_DIR [--kitex4j_opt=K=V,...] FILE.proto");
            System.exit(2);
        }
        int status = run(System.in, stdout, stderr);
        stdout.flush();
        System.exit(status);
    }

    /**
     * Reads a request from {@code in}, writes the response to {@code out}. Returns 0 once a
     * response was written (also an error response); 1 when the streams fail.
     */
    public static int run(InputStream in, OutputStream out, PrintStream err) {
        CodeGeneratorResponse response;
        try {
            response = Generator.generate(in.readAllBytes());
        } catch (IOException e) {
            err.println("protoc-gen-kitex4j: cannot read the request: " + e.getMessage());
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("protoc-gen-kitex4j: internal error:");
            e.printStackTrace(err);
            response = CodeGeneratorResponse.newBuilder()
                    .setSupportedFeatures(CodeGeneratorResponse.Feature.FEATURE_PROTO3_OPTIONAL_VALUE)
                    .setError("kitex4j internal error: " + e + " (details on standard error)")
                    .build();
        }
        try {
            response.writeTo(out);
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("protoc-gen-kitex4j: cannot write the response: " + e.getMessage());
            return 1;
        }
    }
}
