package dev.littlebrain.data.importer;

import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inspects many candidate files on all cores, keeping every good one and a reason for every bad
 * one, in the order of the candidates (so imports are deterministic whatever the thread timing).
 */
record BatchInspection(List<Sample> samples, List<ImportProblem> problems) {
    BatchInspection {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    private record Outcome(Sample sample, ImportProblem problem) {
    }

    static BatchInspection run(List<Candidate> candidates, ProgressListener progress) {
        AtomicLong done = new AtomicLong();
        int total = candidates.size();
        List<Outcome> outcomes = candidates.parallelStream().map(c -> {
            Outcome o;
            try {
                o = new Outcome(SampleInspector.inspect(c), null);
            } catch (IOException | RuntimeException e) {
                // A bad file must not stop the import: report it and go on with the rest.
                o = new Outcome(null, new ImportProblem(c.file(), reason(e, c)));
            }
            progress.onProgress(done.incrementAndGet(), total);
            return o;
        }).toList();
        List<Sample> samples = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.sample() != null) {
                samples.add(o.sample());
            } else {
                problems.add(o.problem());
            }
        }
        return new BatchInspection(samples, problems);
    }

    private static String reason(Exception e, Candidate c) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = c.file().toString() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
