package dev.littlebrain.impulse.data;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The other-word clips and background recordings shipped inside LittleBrain for projects of one's own recordings,
 * which have neither: 160 clips of 25 words by training speakers of Speech Commands and excerpts of its six
 * background recordings (CC BY 4.0, P. Warden, arXiv:1804.03209; see the LICENSE.txt beside them). They are unpacked
 * once into a folder of the system's temporary directory named by their version, so that every import reads them
 * from the same place and curates byte-identical data.
 */
public final class BundledMaterial {
    private static final String RESOURCES = "/dev/littlebrain/impulse/data/bundled/";
    /** Changes with the bundled files, so an older unpacked copy is never read for newer ones. */
    private static final String VERSION = "1";

    private BundledMaterial() {
    }

    /**
     * {@code dataset} with the bundled other words (those not among {@code keywords}) added to its samples and the
     * bundled background recordings to its noise.
     */
    public static Dataset addTo(Dataset dataset, List<String> keywords, ProgressListener progress) throws IOException {
        ImportResult bundled = SpeechCommandsImporter.importFrom(unpacked(), progress);
        List<Sample> samples = new ArrayList<>(dataset.samples());
        bundled.dataset().samples().stream().filter(s -> !keywords.contains(s.label())).forEach(samples::add);
        List<Sample> noise = new ArrayList<>(dataset.backgroundNoise());
        noise.addAll(bundled.dataset().backgroundNoise());
        return new Dataset(dataset.root(), samples, noise);
    }

    /** The folder holding the bundled files, unpacked now if no complete copy is there yet. */
    public static Path unpacked() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "littlebrain-bundled-kws-" + VERSION);
        Path complete = folder.resolve(".complete");
        if (Files.exists(complete)) {
            return folder;
        }
        // Unpacked aside and moved into place whole: a copy cut short by a crash is never mistaken for a whole one.
        Path staging = Files.createTempDirectory(folder.getParent(), ".littlebrain-bundled-");
        try {
            for (String name : fileList()) {
                Path target = staging.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(name)) {
                    Files.copy(in, target);
                }
            }
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException taken) {
                if (!Files.exists(complete)) { // not another process that unpacked them meanwhile
                    throw taken;
                }
            }
        } finally {
            StagedFolder.deleteTree(staging);
        }
        return folder;
    }

    /** The bundled files, relative to the bundle, from its index (a jar cannot be listed). */
    static List<String> fileList() throws IOException {
        try (InputStream in = resource("files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BundledMaterial.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("bundled file " + name + " is missing from this build of LittleBrain");
        }
        return in;
    }
}
