package io.kitex4j.cli;

import io.kitex4j.codegen.plugin.GeneratorPlugin;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code kitex4j} command line. Subcommands: {@code thrift} (compile Thrift IDL to Java, see
 * {@link ThriftCommand}), {@code proto} (compile .proto files with protoc and the Kitex4j protoc
 * plugin, see {@link ProtoCommand}) and {@code help}.
 *
 * <p>Exit status (picocli's convention): 0 success; 1 the work failed (errors in the IDL, a
 * missing input, an unwritable output, a plugin error, no usable protoc); 2 bad usage (unknown
 * option, missing argument, malformed {@code --plugin}).
 *
 * <p>{@link #execute(Path, PrintWriter, PrintWriter, String...)} runs the command in-process with
 * its own working directory and streams, as the tests do; {@link #main} is what {@code bin/kitex4j}
 * and {@code java -jar kitex4j-cli-VERSION-all.jar} run.
 */
@Command(
        name = "kitex4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Kitex4j tools: generate Java for the Kitex4j RPC runtime from Thrift IDL or .proto files.%n",
        footer = {"", "Run 'kitex4j help COMMAND' or 'kitex4j COMMAND --help' for its options."})
public final class Kitex4jCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private Kitex4jCli() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in the JVM's working directory, on {@code System.out} and {@code System.err}. */
    public static int execute(String... args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        return execute(Path.of("").toAbsolutePath(), out, err, args);
    }

    /**
     * Runs the command line: relative paths in {@code args} are taken relative to
     * {@code workingDir}, and so are the file names in messages.
     *
     * @return the exit status
     */
    public static int execute(Path workingDir, PrintWriter out, PrintWriter err, String... args) {
        return execute(workingDir, System::getenv, out, err, args);
    }

    /** {@link #execute(Path, PrintWriter, PrintWriter, String...)} with its own environment variables (for tests). */
    static int execute(Path workingDir, Function<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        int status = commandLine(workingDir, env, out, err).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured picocli command line, for embedding. */
    public static CommandLine commandLine(Path workingDir, PrintWriter out, PrintWriter err) {
        return commandLine(workingDir, System::getenv, out, err);
    }

    static CommandLine commandLine(Path workingDir, Function<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Kitex4jCli());
        CommandLine thrift = new CommandLine(new ThriftCommand(workingDir.toAbsolutePath().normalize()));
        thrift.getCommandSpec().usageMessage().footer(ThriftCommand.footer(availablePluginsHelp()));
        cl.addSubcommand("thrift", thrift);
        cl.addSubcommand("proto", new CommandLine(new ProtoCommand(workingDir.toAbsolutePath().normalize(), env)));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Kitex4jCli::onBadUsage);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            e.println("kitex4j: internal error: " + ex);
            ex.printStackTrace(e);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /** {@code kitex4j} alone: says a command is needed. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kitex4j: error: missing command");
        spec.commandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /** A usage error: the message, suggestions for a misspelt option, and where to find help. */
    private static int onBadUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A name and its description as lines no wider than 78: the name in a 20-column field, the
     * description wrapped with a hanging indent.
     */
    static List<String> helpEntry(String name, String description) {
        List<String> lines = new ArrayList<>();
        String indent = " ".repeat(21);
        StringBuilder line = new StringBuilder(name.length() < 20 ? String.format("%-20s", name) : name);
        if (name.length() >= 20 && !description.isBlank()) {
            lines.add(line.toString());
            line = new StringBuilder(indent.substring(1));
        }
        for (String word : description.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() + 1 + word.length() > 76 && !line.toString().isBlank()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent.substring(1));
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    /** The plugins found on the class path, for {@code --help}. */
    static List<String> availablePluginsHelp() {
        List<String> lines = new ArrayList<>();
        try {
            TreeMap<String, String> byName = new TreeMap<>();
            for (GeneratorPlugin p : ServiceLoader.load(GeneratorPlugin.class, Kitex4jCli.class.getClassLoader())) {
                byName.put(p.name(), p.description());
            }
            byName.forEach((name, description) -> lines.addAll(helpEntry(name, description)));
        } catch (ServiceConfigurationError e) {
            lines.add("(a plugin on the class path cannot be loaded: " + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            lines.add("(none)");
        }
        return lines;
    }
}
