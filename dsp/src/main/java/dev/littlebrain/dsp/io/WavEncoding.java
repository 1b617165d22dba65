package dev.littlebrain.dsp.io;

/** The sample encodings LittleBrain reads and writes in WAV files. */
public enum WavEncoding {
    /** 8-bit PCM, which WAV stores unsigned with 128 as zero. */
    PCM_U8(WavEncoding.TAG_PCM, 8),
    PCM_S16(WavEncoding.TAG_PCM, 16),
    PCM_S24(WavEncoding.TAG_PCM, 24),
    PCM_S32(WavEncoding.TAG_PCM, 32),
    FLOAT32(WavEncoding.TAG_FLOAT, 32),
    FLOAT64(WavEncoding.TAG_FLOAT, 64);

    static final int TAG_PCM = 1;
    static final int TAG_FLOAT = 3;

    private final int formatTag;
    private final int bitsPerSample;

    WavEncoding(int formatTag, int bitsPerSample) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
    }

    public int formatTag() {
        return formatTag;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** The encoding for a format tag (1 = PCM, 3 = IEEE float) and sample size, or null. */
    static WavEncoding of(int formatTag, int bitsPerSample) {
        for (WavEncoding e : values()) {
            if (e.formatTag == formatTag && e.bitsPerSample == bitsPerSample) {
                return e;
            }
        }
        return null;
    }
}
