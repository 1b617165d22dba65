package dev.littlebrain.cli;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one line a person reads: what failed and, where we know it, what to do. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        if (e instanceof FileNotFoundException f) {
            return "file not found: " + f.getMessage();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; raise the JVM heap with JAVA_OPTS=-Xmx4g";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + " (run with --debug for details)";
        }
        return message.replace('\n', ' ');
    }
}
