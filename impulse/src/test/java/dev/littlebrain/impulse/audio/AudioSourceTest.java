package dev.littlebrain.impulse.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioSourceTest {
    /** Hands out 0, 1, 2, ... a few samples at a time (as a microphone does), and ends after {@code length}. */
    private static final class Counting implements AudioSource {
        private final int length;
        private int next;
        final List<Integer> asked = new ArrayList<>();

        Counting(int length) {
            this.length = length;
        }

        @Override
        public int sampleRate() {
            return 100;
        }

        @Override
        public String description() {
            return "counting";
        }

        @Override
        public int read(float[] buffer) {
            asked.add(buffer.length);
            if (next == length) {
                return -1;
            }
            int n = Math.min(Math.min(buffer.length, 3), length - next);
            for (int i = 0; i < n; i++) {
                buffer[i] = next++;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readFullyCollectsShortReadsIntoExactlyNSamples() throws Exception {
        Counting source = new Counting(100);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, source.readFully(13));
        assertArrayEquals(new float[] {13, 14}, source.readFully(2));
        // a tenth of a second at a time, and never more than is still wanted
        assertArrayEquals(new int[] {10, 10, 7, 4, 1, 2}, source.asked.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void readFullyReturnsWhatThereWasWhenTheSourceEnds() throws Exception {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, new Counting(5).readFully(8));
    }
}
