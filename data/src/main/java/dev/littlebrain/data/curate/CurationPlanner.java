package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.augment.RoomReverb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the clips of a keyword-spotting dataset: which source clips per class and split, where
 * each goes in the window, which noise is mixed in at what gain, and which noise windows form the
 * {@code _noise_} class. All choices come from {@link Random}s seeded by the options and are
 * drawn in a fixed order over path-sorted inputs, so a seed always gives the same plan. The extra
 * training renderings and the shifts draw from a second generator, so the validation and test clips
 * are the same whatever the training augmentation (and the same as with one unshifted rendering).
 *
 * <p>Balancing is per split: each class gets as many clips in a split as the smallest keyword
 * class has there (or its share of {@code samplesPerClass}), so the split proportions of the
 * source dataset are kept. In the training split every keyword clip is rendered
 * {@link KwsCurationOptions#trainingCopies()} times and the other classes get as many clips. Noise recordings have no split of their own; to keep validation and
 * test noise unseen in training, each recording is cut into regions: the first 80 % for
 * training, the next 10 % for validation, the last 10 % for testing.
 */
final class CurationPlanner {
    private static final double[] REGION_START = {0.0, 0.8, 0.9};
    private static final double[] REGION_END = {0.8, 0.9, 1.0};

    private final KwsCurationOptions options;
    private final Dataset dataset;
    private final int[] noiseLengths;
    private final List<String> warnings = new ArrayList<>();
    private final Random random;
    /** Draws of the extra training renderings and the shifts, apart so they leave the held-out choices alone. */
    private final Random renderings;

    CurationPlanner(Dataset dataset, KwsCurationOptions options, int[] noiseLengths) {
        this.dataset = dataset;
        this.options = options;
        this.noiseLengths = noiseLengths.clone();
        this.random = new Random(options.seed());
        this.renderings = new Random(options.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<PlannedClip> plan() throws DatasetException {
        Map<String, Map<Split, List<Sample>>> keywordPools = new LinkedHashMap<>();
        for (String k : options.keywords()) {
            keywordPools.put(k, new EnumMap<>(Split.class));
        }
        Map<Split, List<Sample>> unknownPool = new EnumMap<>(Split.class);
        int unusable = 0;
        for (Sample s : dataset.samples()) {
            if (s.kind() != SampleKind.AUDIO) {
                continue;
            }
            if (!options.allowResample() && (s.sampleRateHz() != options.sampleRate() || s.axes().size() != 1)) {
                unusable++;
                continue;
            }
            Map<Split, List<Sample>> pool = keywordPools.get(s.label());
            (pool != null ? pool : unknownPool).computeIfAbsent(s.split(), x -> new ArrayList<>()).add(s);
        }
        if (unusable > 0) {
            warnings.add(unusable + " clip(s) are not " + options.sampleRate() + " Hz mono and were left out; "
                    + "allow resampling to use them");
        }
        for (Map.Entry<String, Map<Split, List<Sample>>> e : keywordPools.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new DatasetException(dataset.root() + ": keyword '" + e.getKey() + "' has no audio clips; "
                        + "labels found: " + dataset.labels());
            }
        }
        if (options.includeNoise() && noiseLengths.length == 0) {
            throw new DatasetException(dataset.root() + ": a _noise_ class needs recordings in _background_noise_;"
                    + " add some or curate without the noise class");
        }
        checkSpeakersDisjoint();
        Map<Split, Integer> perSplit = countsPerSplit(keywordPools);
        List<PlannedClip> clips = new ArrayList<>();
        for (Split split : Split.values()) {
            int n = perSplit.get(split);
            if (n == 0) {
                continue;
            }
            int copies = split == Split.TRAIN ? options.trainingCopies() : 1;
            for (String k : options.keywords()) {
                for (Sample s : choose(keywordPools.get(k).getOrDefault(split, List.of()), n)) {
                    for (int copy = 0; copy < copies; copy++) {
                        clips.add(speechClip(split, k, s, copy, copy == 0 ? random : renderings));
                    }
                }
            }
            if (options.includeUnknown()) {
                List<Sample> pool = unknownPool.getOrDefault(split, List.of());
                int wanted = (int) Math.round(n * options.unknownRatio());
                if (pool.size() < wanted) {
                    warnings.add("only " + pool.size() + " non-keyword clips in " + split.id() + " for "
                            + KwsCurationOptions.UNKNOWN + ", " + wanted + " distinct wanted"
                            + (copies > 1 ? "; the training renderings make up the number" : "; the class is smaller"));
                }
                // unknownRatio times as many unknown clips as renderings of each keyword: distinct words first,
                // then (for a small pool) further renderings of the same clips, each with its own noise and shift.
                // The first n clips take their noise from the main generator as with one rendering and ratio 1, so
                // the number of main draws, and with it every validation and test choice of the other classes, does
                // not depend on copies or ratio.
                List<Sample> chosen = choose(pool, wanted * copies);
                int total = Math.min(wanted * copies, chosen.size() * copies);
                for (int i = 0; i < total; i++) {
                    Random r = i < Math.min(n, chosen.size()) ? random : renderings;
                    clips.add(speechClip(split, KwsCurationOptions.UNKNOWN, chosen.get(i % chosen.size()),
                            i / chosen.size(), r));
                }
            }
            if (options.includeNoise()) {
                for (int i = 0; i < n * copies; i++) {
                    clips.add(noiseClip(split, i, i < n ? random : renderings));
                }
            }
        }
        return clips;
    }

    /** Clips per class in each split: the smallest keyword class there, or the split's share of samplesPerClass. */
    private Map<Split, Integer> countsPerSplit(Map<String, Map<Split, List<Sample>>> keywordPools) {
        Map<Split, Integer> smallest = new EnumMap<>(Split.class);
        Map<Split, Integer> keywordTotal = new EnumMap<>(Split.class);
        int total = 0;
        for (Split split : Split.values()) {
            int min = Integer.MAX_VALUE;
            int sum = 0;
            for (Map<Split, List<Sample>> pool : keywordPools.values()) {
                int size = pool.getOrDefault(split, List.of()).size();
                min = Math.min(min, size);
                sum += size;
            }
            smallest.put(split, min);
            keywordTotal.put(split, sum);
            total += sum;
        }
        if (options.samplesPerClass() == 0) {
            return smallest;
        }
        Map<Split, Integer> wanted = new EnumMap<>(Split.class);
        int assigned = 0;
        for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
            int n = (int) Math.round(options.samplesPerClass() * (double) keywordTotal.get(split) / total);
            wanted.put(split, n);
            assigned += n;
        }
        wanted.put(Split.TRAIN, Math.max(0, options.samplesPerClass() - assigned));
        for (Split split : Split.values()) {
            if (wanted.get(split) > smallest.get(split)) {
                warnings.add(split.id() + ": " + wanted.get(split) + " clips per class wanted, the smallest keyword"
                        + " class has " + smallest.get(split) + "; using " + smallest.get(split));
                wanted.put(split, smallest.get(split));
            }
        }
        return wanted;
    }

    /** {@code n} clips drawn without replacement (all of them if fewer), returned in path order. */
    private List<Sample> choose(List<Sample> pool, int n) {
        List<Sample> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<Sample> chosen = new ArrayList<>(shuffled.subList(0, Math.min(n, shuffled.size())));
        chosen.sort((a, b) -> a.source().compareTo(b.source()));
        return chosen;
    }

    private PlannedClip speechClip(Split split, String label, Sample s, int copy, Random r) {
        int window = options.windowSamples();
        int speed = 100;
        if (split == Split.TRAIN && copy > 0 && options.trainingSpeedPercent() > 0) {
            int p = options.trainingSpeedPercent();
            speed += (int) randomBelow(renderings, 2L * p + 1) - p;
        }
        long length = (framesAtTargetRate(s) * 100 + speed - 1) / speed; // the resampler's ceil(n * 100 / speed)
        int offset;
        long spare = window - length; // > 0: padding, < 0: trimming
        if (options.placement() == Placement.CENTRED) {
            offset = (int) (spare / 2);
        } else if (spare >= 0) {
            offset = (int) randomBelow(r, spare + 1);
        } else {
            offset = (int) -randomBelow(r, -spare + 1);
        }
        if (split == Split.TRAIN && options.trainingShiftMs() > 0) {
            int maxShift = (int) ((long) options.sampleRate() * options.trainingShiftMs() / 1000);
            offset += (int) randomBelow(renderings, 2L * maxShift + 1) - maxShift;
        }
        int noiseIndex = -1;
        int noiseOffset = 0;
        double gain = 0;
        // Every clip draws the same number of values whether or not it is mixed, so changing the
        // probability or the mixing splits does not change the choices made for the other clips.
        boolean mix = r.nextDouble() < options.noiseProbability() && options.noiseSplits().contains(split);
        if (noiseLengths.length > 0) {
            int index = r.nextInt(noiseLengths.length);
            int start = noiseStart(index, split, r);
            double g = randomGain(r);
            if (mix) {
                noiseIndex = index;
                noiseOffset = start;
                gain = g;
            }
        }
        // Drawn only when asked for, so that curations without them keep every other choice.
        TrainingAcoustics acoustics = options.acoustics();
        double snrDb = Double.NaN;
        if (mix && acoustics.noiseAtSnr()) {
            snrDb = acoustics.minSnrDb() + renderings.nextDouble() * (acoustics.maxSnrDb() - acoustics.minSnrDb());
        }
        RoomReverb.Room room = null;
        if (split == Split.TRAIN && copy > 0 && acoustics.reverbMaxRt60Ms() > 0) {
            room = new RoomReverb(options.sampleRate(), TrainingAcoustics.MIN_RT60_MS / 1000.0,
                    acoustics.reverbMaxRt60Ms() / 1000.0, TrainingAcoustics.MIN_DRR_DB, TrainingAcoustics.MAX_DRR_DB)
                    .draw(renderings);
        }
        String word = dataset.root().relativize(s.source()).getName(0).toString();
        String name = (label.equals(word) ? baseName(s) : word + "_" + baseName(s)) + (copy == 0 ? "" : "_copy" + copy);
        return new PlannedClip(split, label, outputPath(split, label, name), s, offset, noiseIndex, noiseOffset, gain,
                speed, snrDb, room);
    }

    private PlannedClip noiseClip(Split split, int index, Random r) {
        int noiseIndex = r.nextInt(noiseLengths.length);
        int start = noiseStart(noiseIndex, split, r);
        double gain = randomGain(r);
        Sample recording = dataset.backgroundNoise().get(noiseIndex);
        String name = stripExtension(recording.source().getFileName().toString()) + "_" + start + "_" + index;
        return new PlannedClip(split, KwsCurationOptions.NOISE, outputPath(split, KwsCurationOptions.NOISE, name),
                recording, start, -1, 0, gain, 100, Double.NaN, null);
    }

    /** A random window start inside the split's region of a noise recording. */
    private int noiseStart(int noiseIndex, Split split, Random r) {
        int length = noiseLengths[noiseIndex];
        int window = options.windowSamples();
        int from = (int) (length * REGION_START[split.ordinal()]);
        int to = (int) (length * REGION_END[split.ordinal()]);
        if (to - from < window) {
            // Region too short for a window (short recording): fall back to the whole recording.
            from = 0;
            to = length;
        }
        return from + (int) randomBelow(r, Math.max(1, to - from - window + 1));
    }

    private double randomGain(Random r) {
        double db = options.noiseMinGainDb() + r.nextDouble() * (options.noiseMaxGainDb() - options.noiseMinGainDb());
        return Math.pow(10, db / 20);
    }

    private static long randomBelow(Random r, long bound) {
        return bound <= Integer.MAX_VALUE ? r.nextInt((int) bound) : Math.floorMod(r.nextLong(), bound);
    }

    private long framesAtTargetRate(Sample s) {
        double rate = s.sampleRateHz();
        if (rate == options.sampleRate()) {
            return s.frames();
        }
        // Same length rule as the resampler: ceil(n * to / from).
        return (long) Math.ceil(s.frames() * options.sampleRate() / rate);
    }

    private void checkSpeakersDisjoint() {
        Map<String, Set<Split>> splitsBySpeaker = new TreeMap<>();
        for (Sample s : dataset.samples()) {
            if (s.hasSpeaker()) {
                splitsBySpeaker.computeIfAbsent(s.speakerId(), x -> new HashSet<>()).add(s.split());
            }
        }
        List<String> mixed = splitsBySpeaker.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        if (!mixed.isEmpty()) {
            warnings.add(mixed.size() + " speaker(s) appear in more than one split of the source lists (e.g. "
                    + mixed.get(0) + "); validation/test accuracy will be optimistic");
        }
    }

    private static String outputPath(Split split, String label, String name) {
        return "data/" + split.id() + "/" + label + "/" + name + ".wav";
    }

    private static String baseName(Sample s) {
        return stripExtension(s.source().getFileName().toString());
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
