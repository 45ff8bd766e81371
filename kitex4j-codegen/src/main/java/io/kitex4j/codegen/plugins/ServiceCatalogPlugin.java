package io.kitex4j.codegen.plugins;

import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.internal.java.JavaGenerator;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginContext;
import io.kitex4j.codegen.plugin.PluginException;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code service-catalog}: writes {@code kitex4j-catalog.json}, a catalogue of every service
 * defined in the IDL files named on the command line (not in their includes): its name, IDL file,
 * generated Java class, the service it extends, its doc, and for each of its own functions whether
 * it is oneway, its arguments, return type, declared exceptions and doc. Types are written as in
 * the IDL ({@code map<i32,string>}, {@code shared.Money}).
 *
 * <p>The file is pretty-printed JSON with a fixed key order and no absolute paths or time stamps,
 * so the same IDL gives the same bytes on every machine.
 *
 * <p>Options: {@code file=<path>} names the output file, relative to the output directory
 * (default {@code kitex4j-catalog.json}).
 */
public final class ServiceCatalogPlugin implements GeneratorPlugin {

    /** The default output file. */
    public static final String DEFAULT_FILE = "kitex4j-catalog.json";

    private static final Set<String> OPTIONS = Set.of("file");

    @Override
    public String name() {
        return "service-catalog";
    }

    @Override
    public String description() {
        return "writes " + DEFAULT_FILE + " listing every service and function (option file=<name>)";
    }

    @Override
    public void process(PluginContext context) throws PluginException {
        Set<String> unknown = new TreeSet<>(context.options().keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new PluginException("service-catalog: unknown option(s) " + unknown + "; supported: file=<name>");
        }
        String file = context.options().getOrDefault("file", DEFAULT_FILE).replace('\\', '/');
        if (file.isBlank()) {
            throw new PluginException("service-catalog: option file must not be empty");
        }
        GeneratedFile out;
        try {
            out = new GeneratedFile(file, catalog(context.roots()));
        } catch (IllegalArgumentException e) {
            throw new PluginException("service-catalog: bad option file=" + file + ": " + e.getMessage(), e);
        }
        context.put(out);
    }

    /** The catalogue of {@code programs}' services as JSON text. */
    static String catalog(List<IdlProgram> programs) {
        Json j = new Json();
        j.beginObject();
        j.key("services").beginArray();
        for (IdlProgram program : programs) {
            for (ServiceDef service : program.services()) {
                service(j, service);
            }
        }
        j.endArray();
        j.endObject();
        return j.toString();
    }

    private static void service(Json j, ServiceDef service) {
        j.beginObject();
        j.key("name").value(service.name());
        j.key("idl").value(service.program().path().getFileName().toString());
        j.key("javaClass").value(JavaGenerator.javaClassName(service));
        Optional<ServiceDef> base = service.extendsService();
        j.key("extends");
        if (base.isPresent()) {
            j.beginObject();
            j.key("name").value(base.get().qualifiedName());
            j.key("javaClass").value(JavaGenerator.javaClassName(base.get()));
            j.endObject();
        } else {
            j.nullValue();
        }
        j.key("doc").value(service.doc().orElse(null));
        j.key("functions").beginArray();
        for (FunctionDef fn : service.functions()) {
            j.beginObject();
            j.key("name").value(fn.name());
            j.key("oneway").value(fn.oneway());
            j.key("args");
            fields(j, fn.arguments());
            j.key("returns").value(fn.returnType().map(t -> t.idlName()).orElse("void"));
            j.key("throws");
            fields(j, fn.exceptions());
            j.key("doc").value(fn.doc().orElse(null));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void fields(Json j, List<Field> fields) {
        j.beginArray();
        for (Field f : fields) {
            j.beginObject();
            j.key("id").value(f.id());
            j.key("name").value(f.name());
            j.key("type").value(f.type().idlName());
            j.endObject();
        }
        j.endArray();
    }

    /** A minimal pretty-printing JSON writer: two-space indent, one value per line, LF line ends. */
    private static final class Json {
        private final StringBuilder sb = new StringBuilder();
        private int depth;
        /** Whether the current container has an element already. */
        private boolean hasElement;
        private boolean afterKey;

        private void beforeValue() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (hasElement) {
                sb.append(',');
            }
            if (depth > 0) {
                newline();
            }
            hasElement = true;
        }

        private void newline() {
            sb.append('\n');
            sb.append("  ".repeat(depth));
        }

        Json beginObject() {
            beforeValue();
            sb.append('{');
            depth++;
            hasElement = false;
            return this;
        }

        Json endObject() {
            return end('}');
        }

        Json beginArray() {
            beforeValue();
            sb.append('[');
            depth++;
            hasElement = false;
            return this;
        }

        Json endArray() {
            return end(']');
        }

        private Json end(char c) {
            depth--;
            if (hasElement) {
                newline();
            }
            sb.append(c);
            hasElement = true;
            return this;
        }

        Json key(String key) {
            beforeValue();
            string(key);
            sb.append(": ");
            afterKey = true;
            return this;
        }

        Json value(String s) {
            if (s == null) {
                return nullValue();
            }
            beforeValue();
            string(s);
            return this;
        }

        Json value(boolean b) {
            beforeValue();
            sb.append(b);
            return this;
        }

        Json value(long n) {
            beforeValue();
            sb.append(n);
            return this;
        }

        Json nullValue() {
            beforeValue();
            sb.append("null");
            return this;
        }

        private void string(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }

        @Override
        public String toString() {
            return sb + "\n";
        }
    }
}
