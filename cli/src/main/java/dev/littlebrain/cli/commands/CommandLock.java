package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ProjectLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** A command's hold on its project's {@link ProjectLock}: named after the command, notices on its error stream. */
final class CommandLock {
    private CommandLock() {
    }

    /** A command's work, run while its project is locked. */
    @FunctionalInterface
    interface Work {
        int run() throws IOException;
    }

    /** Locks {@code projectDir} for the command {@code spec} runs. */
    static ProjectLock acquire(Path projectDir, CommandSpec spec) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        return ProjectLock.acquire(projectDir, spec.qualifiedName(), line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Runs {@code work} holding the lock of {@code project} when there is one, else just runs it. */
    static int holding(Optional<Path> project, CommandSpec spec, Work work) throws IOException {
        if (project.isEmpty()) {
            return work.run();
        }
        try (ProjectLock lock = acquire(project.get(), spec)) {
            return work.run();
        }
    }
}
