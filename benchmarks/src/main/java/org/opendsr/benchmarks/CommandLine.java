package org.opendsr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * How ./dsr-benchmark and ./dsr-chaos start: {@code --help} prints the usage, bad options exit 64 with the usage, and
 * a run gets the repository root and a fresh run directory under {@code benchmarks/target/}, then exits with its code.
 */
public final class CommandLine {

    /** A run of a command: its options, the repository root and its own data directory; returns the exit code. */
    public interface Run<O> {
        int run(O options, Path repositoryRoot, Path dataDirectory) throws IOException;
    }

    private CommandLine() {
    }

    public static <O> void main(String[] args, String usage, Function<List<String>, O> parse, String runPrefix,
                                Run<O> run) throws IOException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(usage);
            return;
        }
        O options;
        try {
            options = parse.apply(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(64);
            return;
        }
        Path root = Path.of(System.getProperty("dsr.repository.root", ".")).toAbsolutePath().normalize();
        Path target = Files.createDirectories(root.resolve("benchmarks").resolve("target"));
        Path data = Files.createTempDirectory(target, runPrefix);
        System.exit(run.run(options, root, data));
    }
}
