#!/usr/bin/env python3
"""Cross-check of the sentence segmenter against hand-marked sentences, run by hand.

Runs `sentag segment --json` on every case of a cases file (default: Scripts/segmenter_cases.txt,
made-up news-like text) and prints each case it segments differently from the marks, then the
boundary precision, recall and F1 per group and overall. A boundary is the offset where a sentence
after the first one starts.

    swift build --product sentag
    python3 Scripts/crosscheck_segmenter.py                  # sentag only
    python3 Scripts/crosscheck_segmenter.py --others         # also pySBD and blingfire
    python3 Scripts/crosscheck_segmenter.py --time-blingfire bench-data/segment-corpus.txt

`--others` and `--time-blingfire` need `pip install pysbd blingfire`. `--time-blingfire FILE`
prints blingfire's `text_to_sentences` throughput on FILE (best of three), to compare with
`make bench`'s segment figure. Nothing here is needed to build, run or test sentag.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def read_cases(path):
    """(group, text, sentences) for every case line of a cases file."""
    cases, group = [], "?"
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@ "):
                group = line[2:].strip()
                continue
            sentences = [s.strip() for s in line.split(" || ")]
            cases.append((group, " ".join(sentences), sentences))
    return cases


def boundaries(text, sentences):
    """Offsets in `text` where each sentence after the first starts; None if one is not there."""
    result, position = set(), 0
    for k, sentence in enumerate(sentences):
        at = text.find(sentence, position)
        if at < 0:
            return None
        if k > 0:
            result.add(at)
        position = at + len(sentence)
    return result


def run_sentag(binary, texts):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "cases.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": f"c{i:05}", "text": text}) + "\n")
        out = subprocess.run([binary, "segment", "--json", path], capture_output=True, text=True, check=True).stdout
    found = defaultdict(list)
    for line in out.splitlines():
        record = json.loads(line)
        found[record["doc"]].append(record["text"])
    return [found[f"c{i:05}"] for i in range(len(texts))]


def score(name, cases, results, show):
    counts = defaultdict(lambda: [0, 0, 0])  # true positives, false positives, false negatives
    for (group, text, expected), actual in zip(cases, results):
        gold = boundaries(text, expected)
        found = boundaries(text, [a.strip() for a in actual])
        if found is None:  # a segmenter that rewrites the text: count the case as all wrong
            found = {-1}
        tally = counts[group]
        tally[0] += len(gold & found)
        tally[1] += len(found - gold)
        tally[2] += len(gold - found)
        if show and gold != found:
            print(f"[{group}] {text}\n   got      {actual}\n   expected {expected}")

    def line(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return f"boundaries {tp:4}  false splits {fp:3}  missed {fn:3}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}"

    print(f"== {name}")
    for group, tally in counts.items():
        print(f"  {group:28} {line(*tally)}")
    print(f"  {'all':28} {line(*[sum(t[i] for t in counts.values()) for i in range(3)])}")


def time_blingfire(path):
    import blingfire

    data = open(path, "rb").read()
    text = data.decode("utf-8")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        blingfire.text_to_sentences(text)
        best = min(best, time.perf_counter() - start)
    megabytes = len(data) / 1e6
    print(f"blingfire text_to_sentences: {megabytes:.1f} MB in {best:.3f} s = {megabytes / best:.1f} MB/s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="?", default=os.path.join(HERE, "segmenter_cases.txt"))
    parser.add_argument("--sentag", default=os.path.join(HERE, "..", ".build", "debug", "sentag"))
    parser.add_argument("--others", action="store_true", help="also score pySBD and blingfire")
    parser.add_argument("--quiet", action="store_true", help="print the scores only")
    parser.add_argument("--time-blingfire", metavar="FILE", help="time blingfire on FILE and stop")
    args = parser.parse_args()
    if args.time_blingfire:
        time_blingfire(args.time_blingfire)
        return
    cases = read_cases(args.cases)
    texts = [text for _, text, _ in cases]
    print(f"{len(cases)} cases, {sum(len(s) for _, _, s in cases)} sentences")
    score("sentag", cases, run_sentag(args.sentag, texts), show=not args.quiet)
    if args.others:
        import blingfire
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        score("pysbd", cases, [segmenter.segment(t) for t in texts], show=False)
        score("blingfire", cases, [blingfire.text_to_sentences(t).split("\n") for t in texts], show=False)


if __name__ == "__main__":
    sys.exit(main())
