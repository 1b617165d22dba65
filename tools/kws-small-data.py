#!/usr/bin/env python3
"""Small keyword-spotting data sets cut from speech-commands-real, reproducibly (standard library only).

  bundle DATASET OUT             the other-word clips and background excerpts shipped for small projects
                                 (TRAINING speakers only: validation and test speakers are what we measure on)
  subset DATASET BUNDLE OUT ...  a Speech Commands layout for measuring small-data recipes: the keyword clips of
                                 a few training speakers (chosen with a seed), the bundled clips as the only other
                                 words for training, and every validation and test speaker's clip unchanged

Speakers are picked by sorting the eligible ones by SHA-256 of "<seed>:<speaker>" (a seeded shuffle that any
language can repeat) and taking them in that order.
"""
import argparse
import hashlib
import os
import shutil
import sys
import wave

KEYWORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]


def read_list(dataset, name):
    with open(os.path.join(dataset, name)) as f:
        return {line.strip() for line in f if line.strip()}


def speaker(path):
    return os.path.basename(path).split("_nohash_")[0]


def clips(dataset):
    """Every clip as 'word/file.wav', sorted."""
    out = []
    for word in sorted(os.listdir(dataset)):
        folder = os.path.join(dataset, word)
        if word.startswith("_") or not os.path.isdir(folder):
            continue
        out += [word + "/" + f for f in sorted(os.listdir(folder)) if f.endswith(".wav")]
    return out


def training_clips(dataset):
    held_out = read_list(dataset, "validation_list.txt") | read_list(dataset, "testing_list.txt")
    return [c for c in clips(dataset) if c not in held_out]


def seeded_order(items, seed):
    return sorted(items, key=lambda s: hashlib.sha256(("%d:%s" % (seed, s)).encode()).hexdigest())


def copy(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)


def excerpt(src, dst, seconds, seed):
    """seconds of src from a seeded offset, written as 16-bit mono WAV like the source."""
    with wave.open(src) as w:
        rate, frames = w.getframerate(), w.getnframes()
        length = min(frames, int(seconds * rate))
        room = frames - length
        start = int(hashlib.sha256(("%d:%s" % (seed, os.path.basename(src))).encode()).hexdigest(), 16) % (room + 1)
        w.setpos(start)
        data = w.readframes(length)
        params = w.getparams()
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with wave.open(dst, "wb") as o:
        o.setparams(params)
        o.writeframes(data)
    return start / rate


def bundle(args):
    others = [c for c in training_clips(args.dataset) if c.split("/")[0] not in KEYWORDS]
    # Spread over speakers: every speaker's first clip (in seeded order) before anyone's second.
    rank, seen = {}, {}
    for c in seeded_order(others, args.seed):
        s = speaker(c)
        rank[c] = seen.get(s, 0)
        seen[s] = rank[c] + 1
    chosen = sorted(seeded_order(others, args.seed), key=lambda c: rank[c])[:args.clips]
    for c in sorted(chosen):
        copy(os.path.join(args.dataset, c), os.path.join(args.out, c))
    noise = os.path.join(args.dataset, "_background_noise_")
    cuts = []
    for name in sorted(os.listdir(noise)):
        if not name.endswith(".wav"):
            continue
        seconds = args.synthetic_noise_seconds if name in ("pink_noise.wav", "white_noise.wav") else args.noise_seconds
        start = excerpt(os.path.join(noise, name), os.path.join(args.out, "_background_noise_", name), seconds, args.seed)
        cuts.append("%s: %.0f s from %.2f s" % (name, seconds, start))
    with open(os.path.join(args.out, "files.txt"), "w") as f:
        for root, _, files in os.walk(args.out):
            for n in files:
                if n.endswith(".wav"):
                    f.write(os.path.relpath(os.path.join(root, n), args.out).replace(os.sep, "/") + "\n")
    speakers = {speaker(c) for c in chosen}
    print("bundled %d other-word clips of %d training speakers; noise %s" % (len(chosen), len(speakers), "; ".join(cuts)))


def subset(args):
    training = training_clips(args.dataset)
    keywords = args.keywords.split(",")
    by_speaker = {}
    for c in training:
        if c.split("/")[0] in keywords:
            by_speaker.setdefault(speaker(c), []).append(c)
    # Speakers who said every keyword, in seeded order.
    eligible = [s for s in by_speaker if all(any(c.startswith(k + "/") for c in by_speaker[s]) for k in keywords)
                and len(by_speaker[s]) >= args.min_speaker_clips]
    chosen_speakers = seeded_order(eligible, args.seed)[:args.speakers]
    chosen = sorted(c for s in chosen_speakers for c in by_speaker[s])
    if args.max_clips and len(chosen) > args.max_clips:
        # Keep every keyword's share even: round-robin over keywords in seeded order.
        per_word = [seeded_order([c for c in chosen if c.startswith(k + "/")], args.seed) for k in keywords]
        kept = []
        while len(kept) < args.max_clips:
            for lst in per_word:
                if lst and len(kept) < args.max_clips:
                    kept.append(lst.pop(0))
        chosen = sorted(kept)
    if os.path.exists(args.out):
        sys.exit(args.out + " exists; choose a new folder")
    for c in chosen:
        copy(os.path.join(args.dataset, c), os.path.join(args.out, c))
    bundled = [c for c in clips(args.bundle)]
    for c in bundled:
        copy(os.path.join(args.bundle, c), os.path.join(args.out, c))
    for name in os.listdir(os.path.join(args.bundle, "_background_noise_")):
        copy(os.path.join(args.bundle, "_background_noise_", name), os.path.join(args.out, "_background_noise_", name))
    held = []
    for listname in ("validation_list.txt", "testing_list.txt"):
        entries = sorted(read_list(args.dataset, listname))
        for c in entries:
            copy(os.path.join(args.dataset, c), os.path.join(args.out, c))
        held += entries
        with open(os.path.join(args.out, listname), "w") as f:
            f.write("\n".join(entries) + "\n")
    print("%d keyword clips (%s) of %d training speakers %s; %d bundled other-word clips; %d validation/test clips"
          % (len(chosen), ", ".join("%s %d" % (k, sum(c.startswith(k + "/") for c in chosen)) for k in keywords),
             len(chosen_speakers), ",".join(chosen_speakers), len(bundled), len(held)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bundle")
    b.add_argument("dataset")
    b.add_argument("out")
    b.add_argument("--clips", type=int, default=160)
    b.add_argument("--noise-seconds", type=float, default=15)
    b.add_argument("--synthetic-noise-seconds", type=float, default=5)
    b.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("subset")
    s.add_argument("dataset")
    s.add_argument("bundle")
    s.add_argument("out")
    s.add_argument("--keywords", default="yes,no")
    s.add_argument("--speakers", type=int, default=10)
    s.add_argument("--max-clips", type=int, default=0, help="keyword clips in all (0: every clip of the speakers)")
    s.add_argument("--min-speaker-clips", type=int, default=1,
                   help="only speakers with at least this many keyword clips (few voices, many clips each)")
    s.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    (bundle if args.cmd == "bundle" else subset)(args)


if __name__ == "__main__":
    main()
