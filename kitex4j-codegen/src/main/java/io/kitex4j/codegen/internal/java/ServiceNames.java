package io.kitex4j.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java names of a service's own functions: Java method, descriptor constant, args and result
 * classes and their public fields. A child service refers to its bases' names for inherited
 * functions, so they are computed once per service.
 */
final class ServiceNames {

    /** Methods of {@code Object}, and the stub's own {@code withOptions}, that a function must not override by accident. */
    private static final Set<String> RESERVED_METHODS = Set.of(
            "getClass", "hashCode", "equals", "toString", "clone", "finalize", "wait", "notify", "notifyAll", "withOptions");

    /**
     * One function.
     *
     * @param fn the IDL function
     * @param owner the service class declaring its args/result classes and descriptor
     * @param method the Java method name in {@code Iface}, {@code AsyncIface} and the stub
     * @param constant the method descriptor constant
     * @param args the args class
     * @param result the result class
     * @param argFields the public fields of the args class, which are also the parameter names, in declaration order
     * @param successField the result's field 0 (unused for void)
     * @param exceptionFields the result's exception fields, in declaration order
     * @param raw the method that takes and returns enum values as numbers ({@code <method>Raw}), or
     *     {@code null} when no argument and not the result is an enum
     * @param argProps for each argument of enum type, the accessor stem in the args class
     *     ({@code get<prop>}, {@code set<prop>}, ...), else {@code null}; in declaration order
     * @param argValueProps for each argument of enum type, the stem of its raw-number accessors
     *     ({@code get<valueProp>}, {@code set<valueProp>}), else {@code null}
     */
    record Fn(FunctionDef fn, ClassName owner, String method, String constant, ClassName args, ClassName result,
              List<String> argFields, String successField, List<String> exceptionFields, String raw,
              List<String> argProps, List<String> argValueProps) {

        String argField(Field f) {
            return argFields.get(fn.arguments().indexOf(f));
        }

        /** Whether {@code f}, an argument, is of an enum type (stored as its number in the args class). */
        static boolean isEnum(Field f) {
            return GenContext.kind(f.type()) == GenContext.Kind.ENUM;
        }

        /** Whether the result is of an enum type (stored as its number in the result class). */
        boolean enumResult() {
            return fn.returnType().map(t -> GenContext.kind(t) == GenContext.Kind.ENUM).orElse(false);
        }

        String argProp(Field f) {
            return argProps.get(fn.arguments().indexOf(f));
        }

        String argValueProp(Field f) {
            return argValueProps.get(fn.arguments().indexOf(f));
        }

        String exceptionField(Field f) {
            return exceptionFields.get(fn.exceptions().indexOf(f));
        }
    }

    final ServiceDef service;
    final ClassName className;
    private final Map<FunctionDef, Fn> own = new IdentityHashMap<>();

    ServiceNames(GenContext ctx, ServiceDef service) {
        this.service = service;
        this.className = ctx.className(service);
        Names.Scope constants = new Names.Scope().reserve("DESCRIPTOR");
        // Raw-number methods avoid every method of the hierarchy (and Object's, and the stub's).
        Names.Scope methods = new Names.Scope().reserve(RESERVED_METHODS.toArray(String[]::new));
        for (ServiceDef base : service.hierarchy()) {
            if (base != service) {
                for (Fn f : ctx.names(base).own.values()) {
                    methods.reserve(f.method());
                    if (f.raw() != null) {
                        methods.reserve(f.raw());
                    }
                }
            }
        }
        Names.Scope nested = new Names.Scope().reserve("Iface", "AsyncIface", "Stub", className.simpleName());
        for (FunctionDef fn : service.functions()) {
            String method = Names.escape(fn.name());
            if (RESERVED_METHODS.contains(method)) {
                method = method + "_";
            }
            methods.reserve(method);
            String base = Names.upperCamel(fn.name());
            if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
                base = "_" + base;
            }
            while (nested.isTaken(base + "Args") || nested.isTaken(base + "Result")) {
                base = base + "_";
            }
            nested.reserve(base + "Args", base + "Result");
            Names.Scope fields = ctx.scope();
            List<String> argFields = new ArrayList<>();
            for (Field a : fn.arguments()) {
                argFields.add(fields.allocate(Names.escape(Names.lowerCamel(a.name()))));
            }
            Names.Scope resultFields = ctx.scope();
            String success = resultFields.allocate("success");
            List<String> exceptionFields = new ArrayList<>();
            for (Field e : fn.exceptions()) {
                exceptionFields.add(resultFields.allocate(Names.escape(Names.lowerCamel(e.name()))));
            }
            Names.Scope props = new Names.Scope().reserve("Class");
            List<String> argProps = new ArrayList<>();
            List<String> argValueProps = new ArrayList<>();
            for (Field a : fn.arguments()) {
                if (Fn.isEnum(a)) {
                    String prop = props.allocate(Names.upperCamel(a.name()));
                    argProps.add(prop);
                    argValueProps.add(props.allocate(prop + "Value"));
                } else {
                    argProps.add(null);
                    argValueProps.add(null);
                }
            }
            own.put(fn, new Fn(fn, className, method, constants.allocate(Names.upperSnake(fn.name())),
                    className.nestedClass(base + "Args"), className.nestedClass(base + "Result"),
                    List.copyOf(argFields), success, List.copyOf(exceptionFields), null,
                    Collections.unmodifiableList(argProps), Collections.unmodifiableList(argValueProps)));
        }
        // After every own method is reserved, so that a function named like another's raw method keeps its name.
        for (FunctionDef fn : service.functions()) {
            Fn f = own.get(fn);
            if (fn.arguments().stream().anyMatch(Fn::isEnum) || f.enumResult()) {
                own.put(fn, new Fn(fn, f.owner(), f.method(), f.constant(), f.args(), f.result(), f.argFields(),
                        f.successField(), f.exceptionFields(), methods.allocate(Names.escape(fn.name() + "Raw")),
                        f.argProps(), f.argValueProps()));
            }
        }
    }

    /** The names of one of this service's own functions. */
    Fn fn(FunctionDef fn) {
        Fn f = own.get(fn);
        if (f == null) {
            throw new IllegalArgumentException(fn.name() + " is not a function of " + service.name());
        }
        return f;
    }
}
