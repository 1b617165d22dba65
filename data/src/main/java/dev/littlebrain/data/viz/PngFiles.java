package dev.littlebrain.data.viz;

import dev.littlebrain.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images as PNG files atomically (a failed write never leaves half an image). */
public final class PngFiles {
    private PngFiles() {
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available in this JVM");
        }
        AtomicFiles.write(file, png.toByteArray());
    }
}
