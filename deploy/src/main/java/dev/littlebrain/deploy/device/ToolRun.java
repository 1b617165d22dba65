package dev.littlebrain.deploy.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of an external tool (a compiler, QEMU, size): its exit code, standard output and error text. */
public record ToolRun(int exitCode, byte[] stdout, String stderr) {

    /**
     * Runs {@code command} in {@code workDir} (null: the current folder) with no input, giving up after
     * {@code timeoutSeconds}.
     */
    public static ToolRun of(List<String> command, Path workDir, long timeoutSeconds) throws IOException {
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
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return new ToolRun(p.exitValue(), out, new String(err[0], StandardCharsets.UTF_8));
    }
}
