package dev.littlebrain.data.importer;

import dev.littlebrain.data.Split;
import java.nio.file.Path;

/** A file an importer wants to turn into a sample, with what the layout says about it. */
record Candidate(Path file, String label, Split split, String speakerId) {
}
