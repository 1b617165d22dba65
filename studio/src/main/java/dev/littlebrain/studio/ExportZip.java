package dev.littlebrain.studio;

import dev.littlebrain.impulse.deploy.DeployResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A deploy's files as one zip for the browser; a format that writes a zip (arduino) is sent as it is. */
final class ExportZip {
    private ExportZip() {
    }

    /** The zip's bytes: the files under a folder named after the export, or the format's own zip. */
    static byte[] of(DeployResult result) throws IOException {
        if (isOneZip(result)) {
            return Files.readAllBytes(result.paths().get(0));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path root = result.outDir();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : result.paths()) {
                String entry = root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(entry));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The download's name: the format's own zip's, or {@code name}.zip. */
    static String fileName(DeployResult result, String name) {
        return isOneZip(result) ? result.paths().get(0).getFileName().toString() : name + ".zip";
    }

    private static boolean isOneZip(DeployResult result) {
        return result.paths().size() == 1 && result.paths().get(0).getFileName().toString().endsWith(".zip");
    }
}
