package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.impulse.evaluation.StreamEvaluation;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job reports through its {@link Progress} and stops when the caller cancels it. */
class ProgressTest {

    /** Records the steps it is told and is cancelled when the test says so. */
    private static final class Recorder implements Progress {
        final List<String> events = new ArrayList<>();
        final AtomicBoolean cancel = new AtomicBoolean();

        @Override
        public void stage(String name) {
            events.add(name);
        }

        @Override
        public void step(long done, long total) {
            events.add(done + "/" + total);
        }

        @Override
        public boolean cancelled() {
            return cancel.get();
        }
    }

    @Test
    void theListenerForwardsStepsUntilCancelled() {
        Recorder progress = new Recorder();
        progress.stage("features");
        progress.listener().onProgress(1, 3);
        progress.cancel.set(true);
        assertThrows(CancellationException.class, () -> progress.listener().onProgress(2, 3));
        assertEquals(List.of("features", "1/3"), progress.events, "a cancelled job reports no further step");
    }

    @Test
    void aCancelledStreamTestStopsBeforeRunningTheModel(@TempDir Path dir) throws Exception {
        WavWriter.write(dir.resolve("s.wav"), Signal.mono(16000, new float[16000]), WavEncoding.PCM_S16);
        Recorder progress = new Recorder();
        progress.cancel.set(true);
        ContinuousConfig config = ContinuousConfig.keywordSpotting(16000, 16000, List.of("yes", "_noise_"));
        // No interpreter and no DSP block: a job that did not stop would fail on them instead.
        assertThrows(CancellationException.class, () -> StreamEvaluation.record(null, null, config, 16000, dir,
                List.of("s.wav"), progress));
    }
}
