package io.kitex4j.protoc.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Java classes protoc's {@code java_out} generates for the messages of a set of proto files,
 * named exactly as protoc 3.x names them ({@code java/name_resolver.cc}, {@code java/helpers.cc}):
 *
 * <ul>
 *   <li>Java package: {@code option java_package}, else the proto package (empty when neither).
 *   <li>Outer class: {@code option java_outer_classname}, else the file's base name without
 *       {@code .proto} in CamelCase ({@code UnderscoresToCamelCase}: letters after a non-letter are
 *       capitalised, digits kept, other characters dropped), with {@code OuterClass} appended when
 *       a message (at any depth), enum (top level or nested in a message) or service of the file has
 *       exactly that name.
 *   <li>A top-level message is a class of the Java package when {@code java_multiple_files} is true,
 *       else nested in the outer class; nested messages are nested classes of their parent.
 * </ul>
 */
final class JavaTypes {

    /** A message's Java class and whether it (or its file, or an enclosing message) is deprecated. */
    record Message(ClassName className, boolean deprecated) {}

    private final List<FileDescriptorProto> ordered;
    private final Map<String, FileDescriptorProto> files = new HashMap<>();
    private final Map<String, Message> messages = new HashMap<>();
    /** Simple names of top-level classes, by Java package (messages, enums, outer classes, our service classes). */
    private final Map<String, Set<String>> topLevelByPackage = new HashMap<>();

    JavaTypes(List<FileDescriptorProto> protoFiles) {
        this(protoFiles, JavaTypes::javaPackage);
    }

    /**
     * The types of {@code protoFiles}, with this plugin's service classes of a file in the Java
     * package {@code servicePackage} gives for it (the file's own one unless {@code service_package}).
     */
    JavaTypes(List<FileDescriptorProto> protoFiles, Function<FileDescriptorProto, String> servicePackage) {
        this.ordered = List.copyOf(protoFiles);
        for (FileDescriptorProto f : protoFiles) {
            files.put(f.getName(), f);
            String pkg = javaPackage(f);
            boolean multiple = f.getOptions().getJavaMultipleFiles();
            ClassName outer = ClassName.get(pkg, outerClassName(f));
            Set<String> topLevel = topLevelByPackage.computeIfAbsent(pkg, k -> new TreeSet<>());
            if (multiple) {
                f.getMessageTypeList().forEach(m -> topLevel.add(m.getName()));
                f.getEnumTypeList().forEach(e -> topLevel.add(e.getName()));
            }
            topLevel.add(outer.simpleName());
            // and this plugin's own service classes
            Set<String> services = topLevelByPackage.computeIfAbsent(servicePackage.apply(f), k -> new TreeSet<>());
            f.getServiceList().forEach(sv -> services.add(Names.typeName(sv.getName())));
            String protoPrefix = f.getPackage().isEmpty() ? "." : "." + f.getPackage() + ".";
            boolean fileDeprecated = f.getOptions().getDeprecated();
            for (DescriptorProto m : f.getMessageTypeList()) {
                ClassName cls = multiple ? ClassName.get(pkg, m.getName()) : outer.nestedClass(m.getName());
                add(protoPrefix + m.getName(), cls, m, fileDeprecated);
            }
        }
    }

    private void add(String fullName, ClassName cls, DescriptorProto m, boolean enclosingDeprecated) {
        boolean deprecated = enclosingDeprecated || m.getOptions().getDeprecated();
        messages.put(fullName, new Message(cls, deprecated));
        for (DescriptorProto nested : m.getNestedTypeList()) {
            add(fullName + "." + nested.getName(), cls.nestedClass(nested.getName()), nested, deprecated);
        }
    }

    /** The file of that name among those of the request, if any. */
    Optional<FileDescriptorProto> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The message of a fully qualified proto type name ({@code .pkg.Outer.Inner}), if known. */
    Optional<Message> message(String protoTypeName) {
        return Optional.ofNullable(messages.get(protoTypeName));
    }

    /**
     * Simple names of the top-level classes generated in {@code javaPackage} for the files of the
     * request: protoc's (messages and enums of {@code java_multiple_files} files, outer classes) and
     * this plugin's service classes.
     */
    Set<String> topLevelClasses(String javaPackage) {
        return topLevelByPackage.getOrDefault(javaPackage, Set.of());
    }

    /** The files of the request whose Java package is {@code javaPackage}, in request order. */
    List<FileDescriptorProto> filesInPackage(String javaPackage) {
        return ordered.stream().filter(f -> javaPackage(f).equals(javaPackage)).toList();
    }

    /**
     * What top-level class named {@code simpleName} protoc's java_out generates for {@code f}
     * ({@code "an outer class"}, {@code "a message class"}, {@code "an enum"}), or {@code null}.
     */
    static String topLevelClassOf(FileDescriptorProto f, String simpleName) {
        if (outerClassName(f).equals(simpleName)) {
            return "an outer class";
        }
        if (f.getOptions().getJavaMultipleFiles()) {
            if (f.getMessageTypeList().stream().anyMatch(m -> m.getName().equals(simpleName))) {
                return "a message class";
            }
            if (f.getEnumTypeList().stream().anyMatch(e -> e.getName().equals(simpleName))) {
                return "an enum";
            }
        }
        return null;
    }

    /** {@code option java_package}, else the proto package, else empty. */
    static String javaPackage(FileDescriptorProto f) {
        return f.getOptions().hasJavaPackage() ? f.getOptions().getJavaPackage() : f.getPackage();
    }

    /** The outer class protoc generates for {@code f} (see the class comment). */
    static String outerClassName(FileDescriptorProto f) {
        if (f.getOptions().hasJavaOuterClassname()) {
            return f.getOptions().getJavaOuterClassname();
        }
        String name = f.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.endsWith(".protodevel")) {
            base = base.substring(0, base.length() - ".protodevel".length());
        } else if (base.endsWith(".proto")) {
            base = base.substring(0, base.length() - ".proto".length());
        }
        String className = underscoresToCamelCase(base, true);
        if (declaresName(f, className)) {
            className += "OuterClass";
        }
        return className;
    }

    /** protoc's {@code UnderscoresToCamelCase} (ASCII letters and digits only). */
    static String underscoresToCamelCase(String input, boolean capNextLetter) {
        StringBuilder result = new StringBuilder();
        boolean cap = capNextLetter;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= 'a' && c <= 'z') {
                result.append(cap ? (char) (c - 'a' + 'A') : c);
                cap = false;
            } else if (c >= 'A' && c <= 'Z') {
                result.append(i == 0 && !cap ? (char) (c - 'A' + 'a') : c);
                cap = false;
            } else if (c >= '0' && c <= '9') {
                result.append(c);
                cap = true;
            } else {
                cap = true;
            }
        }
        if (!input.isEmpty() && input.charAt(input.length() - 1) == '#') {
            result.append('_');
        }
        return result.toString();
    }

    /** Whether a message (any depth), enum (top level or in a message) or service of {@code f} is named {@code name}. */
    static boolean declaresName(FileDescriptorProto f, String name) {
        for (EnumDescriptorProto e : f.getEnumTypeList()) {
            if (e.getName().equals(name)) {
                return true;
            }
        }
        for (ServiceDescriptorProto s : f.getServiceList()) {
            if (s.getName().equals(name)) {
                return true;
            }
        }
        List<DescriptorProto> todo = new ArrayList<>(f.getMessageTypeList());
        while (!todo.isEmpty()) {
            DescriptorProto m = todo.remove(todo.size() - 1);
            if (m.getName().equals(name)) {
                return true;
            }
            for (EnumDescriptorProto e : m.getEnumTypeList()) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
            todo.addAll(m.getNestedTypeList());
        }
        return false;
    }
}
