package io.kitex4j.protoc.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The plugin's work: a {@link CodeGeneratorRequest} in, a {@link CodeGeneratorResponse} out, with
 * one Java file per service of each file to generate (files without services give nothing).
 * Problems are reported in the response's {@code error} (with no files), never thrown; the output
 * depends only on the request (deterministic).
 */
public final class Generator {
    private Generator() {}

    /** The features the plugin declares: proto3 {@code optional} fields are fine (they do not change services). */
    static final long SUPPORTED_FEATURES = CodeGeneratorResponse.Feature.FEATURE_PROTO3_OPTIONAL_VALUE;

    /** Parses a serialized request and generates; an unparseable request is an error response. */
    public static CodeGeneratorResponse generate(byte[] serializedRequest) {
        CodeGeneratorRequest request;
        try {
            request = CodeGeneratorRequest.parseFrom(serializedRequest);
        } catch (InvalidProtocolBufferException e) {
            return error("cannot read the CodeGeneratorRequest on standard input (" + e.getMessage()
                    + "); protoc-gen-kitex4j is a protoc plugin: run it through protoc --kitex4j_out=DIR");
        }
        return generate(request);
    }

    /** Generates the service classes of {@code request}'s files to generate. */
    public static CodeGeneratorResponse generate(CodeGeneratorRequest request) {
        try {
            return CodeGeneratorResponse.newBuilder()
                    .setSupportedFeatures(SUPPORTED_FEATURES)
                    .addAllFile(files(request).values())
                    .build();
        } catch (GeneratorException e) {
            return error(e.getMessage());
        }
    }

    static CodeGeneratorResponse error(String message) {
        return CodeGeneratorResponse.newBuilder().setSupportedFeatures(SUPPORTED_FEATURES).setError(message).build();
    }

    private static Map<String, CodeGeneratorResponse.File> files(CodeGeneratorRequest request) throws GeneratorException {
        Options options = Options.parse(request.getParameter());
        JavaTypes types = new JavaTypes(request.getProtoFileList(), options::servicePackage);
        ServiceGenerator generator = new ServiceGenerator(types, options);
        if (request.getFileToGenerateCount() == 0) {
            throw new GeneratorException("the request names no file to generate");
        }
        Map<String, CodeGeneratorResponse.File> out = new java.util.LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        for (String name : request.getFileToGenerateList()) {
            FileDescriptorProto file = types.file(name).orElseThrow(() -> new GeneratorException(
                    "file to generate '" + name + "' is not among the proto files of the request"));
            checkConflicts(types, generator, options, file);
            for (int i = 0; i < file.getServiceCount(); i++) {
                ServiceGenerator.Output o = generator.generate(file, i);
                String where = name + " (service " + file.getService(i).getName() + ")";
                String before = origin.putIfAbsent(o.path(), where);
                if (before != null) {
                    throw new GeneratorException(where + " and " + before + " would both generate " + o.path()
                            + (options.servicePackage() == null ? "; give one of the files another java_package"
                            : " (" + Options.SERVICE_PACKAGE + "=" + options.servicePackage() + " puts every service class there);"
                            + " rename a service, or generate the files in separate protoc runs with different "
                            + Options.SERVICE_PACKAGE + " values"));
                }
                out.put(o.path(), CodeGeneratorResponse.File.newBuilder().setName(o.path()).setContent(o.content()).build());
            }
        }
        return out;
    }

    /**
     * Class names that protoc's java_out would also generate (both could not be compiled together).
     * With {@code service_package} the service classes live in another package than the file's
     * messages: only the classes protoc generates in that package can clash.
     */
    private static void checkConflicts(JavaTypes types, ServiceGenerator generator, Options options, FileDescriptorProto file)
            throws GeneratorException {
        if (file.getServiceCount() == 0) {
            return;
        }
        String servicePackage = options.servicePackage(file);
        boolean samePackage = servicePackage.equals(JavaTypes.javaPackage(file));
        boolean multiple = file.getOptions().getJavaMultipleFiles();
        String outer = JavaTypes.outerClassName(file);
        if (samePackage) {
            for (ServiceDescriptorProto s : file.getServiceList()) {
                String qualified = generator.className(file, s).canonicalName();
                if (multiple && file.getOptions().getJavaGenericServices()) {
                    throw new GeneratorException(file.getName() + ": option java_generic_services = true makes protoc's java_out"
                            + " generate a class " + qualified + " too; remove the option (kitex4j generates the service class)");
                }
                if (s.getName().equals(outer)) {
                    throw new GeneratorException(file.getName() + ": the outer class " + qualified + " (java_outer_classname)"
                            + " has the name of service " + s.getName() + "; choose another java_outer_classname");
                }
            }
        }
        for (FileDescriptorProto other : types.filesInPackage(servicePackage)) {
            if (other.getName().equals(file.getName())) {
                continue; // its own outer class was checked above; its messages cannot share a service's name
            }
            for (ServiceDescriptorProto s : file.getServiceList()) {
                String clash = JavaTypes.topLevelClassOf(other, generator.className(file, s).simpleName());
                if (clash != null) {
                    throw new GeneratorException(file.getName() + ": service " + s.getName() + " is generated as class "
                            + generator.className(file, s).canonicalName() + ", but protoc's java_out generates "
                            + clash + " of that name for " + other.getName() + "; rename one or use another java_package"
                            + (options.servicePackage() == null ? "" : " or " + Options.SERVICE_PACKAGE));
                }
            }
        }
    }
}
