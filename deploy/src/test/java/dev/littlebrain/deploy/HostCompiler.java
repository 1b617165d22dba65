package dev.littlebrain.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        // Read stderr on a second thread so neither pipe can fill up and block the child.
        byte[][] err = new byte[1][];
        Thread t = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        t.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), out, new String(err[0], StandardCharsets.UTF_8));
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
