package dev.littlebrain.deploy;

import dev.littlebrain.deploy.device.ToolRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs the host's gcc/g++ for tests; tests skip with a printed reason when it is absent. */
public final class HostCompiler {
    private HostCompiler() {
    }

    public static void requireAvailable(String compiler) {
        boolean ok;
        try {
            ok = run(List.of(compiler, "--version"), null).exitCode == 0;
        } catch (IOException e) {
            ok = false;
        }
        if (!ok) {
            String reason = "skipped: " + compiler + " not found on PATH";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
    }

    public static Result run(List<String> command, Path workDir) throws IOException {
        ToolRun r = ToolRun.of(command, workDir, 120);
        return new Result(r.exitCode(), r.stdout(), r.stderr());
    }

    /** Compiles and links; fails the test with the compiler's messages on any warning or error. */
    public static void compile(Path workDir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(args);
        Result r = run(cmd, workDir);
        if (r.exitCode != 0 || !r.stderr.isBlank()) {
            throw new AssertionError("compilation failed: " + String.join(" ", cmd) + "\n" + r.stderr);
        }
    }
}
