#!/usr/bin/env python3
"""Cross-check `sentag agreement` against the reference implementations on PyPI.

Run by hand, never in CI:

    python3 -m venv .venv-agreement
    .venv-agreement/bin/pip install krippendorff statsmodels scikit-learn irrCAC
    .venv-agreement/bin/python Scripts/crosscheck_agreement.py            # write the fixtures
    .venv-agreement/bin/python Scripts/crosscheck_agreement.py --verify .build/debug/sentag

Writing: generates random label files with missing ratings (several seeds, 2-6 annotators,
2-5 labels, retractions, changed decisions, adjudications, an unreadable line, and degenerate
cases), computes every figure with the libraries, and writes one folder per case under
Tests/SentagKitTests/Fixtures/agreement/: the label files, labels.json when the label set is
not the default, and expected.json. The Swift test AgreementCrossCheckTests runs the real code
on each folder and compares to 1e-9.

Verifying: runs `sentag agreement --json` on every folder and prints the largest deviation.

The libraries and their definitions:
  percent agreement   mean over items with >= 2 ratings of agreeing pairs / all pairs (by hand:
                      no library computes exactly this; it equals irrCAC's p_a, checked below)
  krippendorff_alpha  krippendorff.alpha(level_of_measurement="nominal"), all units, NaN = missing
  fleiss_kappa        statsmodels fleiss_kappa(aggregate_raters(...)) on the items every
                      annotator rated
  gwet_ac1            irrCAC CAC(..., categories=<whole label set>).gwet()
  cohen_kappa         sklearn cohen_kappa_score(labels=<label set>) on the items both rated;
                      confusion from sklearn confusion_matrix(labels=<label set>)
A figure the libraries return as NaN (or raise on) is undefined: null.
"""

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd

import krippendorff
from irrCAC.raw import CAC
from sklearn.metrics import cohen_kappa_score, confusion_matrix
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "SentagKitTests", "Fixtures", "agreement")
DEFAULT_LABELS = ["claim", "quote", "caption", "noise"]
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank"]
WORDS = "the minister said on tuesday that prices rose sharply after talks collapsed in the capital".split()


# ---------------------------------------------------------------------------------------------
# Label files


def sentence_id(rng):
    return "%016x" % rng.getrandbits(64)


def timestamp(ms):
    s, ms = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return "2026-11-21T%02d:%02d:%02d.%03dZ" % (9 + h, m, s, ms)


def record(item, label, annotator, clock, **extra):
    doc, index, text, sid = item
    rec = {"id": sid, "doc": doc, "index": index, "start": index * 100, "end": index * 100 + len(text),
           "text": text, "label": label, "annotator": annotator, "time": timestamp(clock)}
    rec.update(extra)
    return json.dumps(rec, ensure_ascii=False)


def make_case(seed, n_items, n_annotators, labels, missing, skew=None, single_label=None,
              disjoint=False, adjudicator=False, bad_line=False, noise=None):
    """Returns {annotator: [lines]} and the current ratings {annotator: {id: label}}."""
    rng = random.Random(seed)
    items = []
    for i in range(n_items):
        doc = "doc%02d" % (i // 25)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize() + "."
        items.append((doc, i % 25, text, sentence_id(rng)))
    weights = skew or [rng.random() + 0.2 for _ in labels]
    truth = [rng.choices(labels, weights)[0] for _ in items]
    names = NAMES[:n_annotators]
    files = {}
    for a, name in enumerate(names):
        error_rate = noise if noise is not None else rng.uniform(0.05, 0.5)
        lines = []
        ms = rng.randint(0, 600000)
        order = list(range(n_items))
        for i in order:
            if disjoint and i % n_annotators != a:
                continue
            if not disjoint and rng.random() < missing:
                continue
            label = truth[i] if rng.random() > error_rate else rng.choice(labels)
            if single_label:
                label = single_label
            ms += rng.randint(1500, 20000)
            r = rng.random()
            if r < 0.06:
                # A changed decision: the latest line counts.
                first = rng.choice(labels) if not single_label else single_label
                lines.append(record(items[i], first, name, ms))
                ms += rng.randint(500, 3000)
                lines.append(record(items[i], label, name, ms))
            elif r < 0.10:
                # Undone: a retraction removes the rating.
                lines.append(record(items[i], label, name, ms))
                ms += rng.randint(500, 3000)
                lines.append(record(items[i], None, name, ms))
            elif r < 0.12:
                # Undone, then decided again.
                lines.append(record(items[i], label, name, ms))
                lines.append(record(items[i], None, name, ms + 400))
                lines.append(record(items[i], label, name, ms + 900, note="second thoughts"))
            else:
                lines.append(record(items[i], label, name, ms, ms=rng.randint(800, 9000)))
        if adjudicator and a == 0 and lines:
            # An annotator's own adjudication of an item does not replace their vote.
            i = rng.randrange(n_items)
            lines.append(record(items[i], rng.choice(labels), name, ms + 1000, adjudicated=True,
                                votes={"x": labels[0]}))
        if bad_line and a == n_annotators - 1 and lines:
            # A crash mid-write: a truncated line (skipped with a warning), then more records.
            cut = lines[-1][: len(lines[-1]) // 2]
            lines.insert(len(lines) // 2, cut)
        files[name] = lines
    if adjudicator:
        # The adjudicator's file holds adjudications only: no ratings, left out by default.
        lines = []
        for i in range(0, n_items, 3):
            lines.append(record(items[i], truth[i], "judge", 5000 + i, adjudicated=True,
                                votes={names[0]: truth[i]}))
        files["judge"] = lines
    return files


def current_ratings(files):
    """{annotator: {id: label}} from the lines, read independently of sentag: json.loads, the
    latest non-adjudicated line per id, null retracts, unreadable lines skipped."""
    ratings = {}
    for name, lines in files.items():
        latest = {}
        for line in lines:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("adjudicated") is True:
                continue
            latest[rec["id"]] = rec["label"]
        ratings[name] = {k: v for k, v in latest.items() if v is not None}
    return {name: r for name, r in ratings.items() if r}  # files without a rating are left out


# ---------------------------------------------------------------------------------------------
# Reference figures


def finite(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def guarded(f):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            try:
                return finite(f())
            except (ValueError, ZeroDivisionError, FloatingPointError):
                return None


def reference(ratings, labels):
    annotators = sorted(ratings)
    ids = sorted(set().union(*[set(r) for r in ratings.values()])) if ratings else []
    code = {label: k for k, label in enumerate(labels)}
    # items × annotators, NaN = missing
    matrix = np.full((len(ids), len(annotators)), np.nan)
    for a, name in enumerate(annotators):
        for i, sid in enumerate(ids):
            if sid in ratings[name]:
                matrix[i, a] = code[ratings[name][sid]]
    counts = np.zeros((len(ids), len(labels)))
    for k in range(len(labels)):
        counts[:, k] = (matrix == k).sum(axis=1)
    m = counts.sum(axis=1)

    out = {"annotators": annotators, "labels": labels, "items": len(ids), "ratings": int(m.sum())}

    paired = m >= 2
    if len(annotators) >= 2 and paired.any():
        shares = (counts[paired] * (counts[paired] - 1)).sum(axis=1) / (m[paired] * (m[paired] - 1))
        out["percent_agreement"] = float(shares.mean())
    else:
        out["percent_agreement"] = None

    if len(annotators) >= 2 and paired.any():
        out["krippendorff_alpha"] = guarded(lambda: krippendorff.alpha(
            reliability_data=matrix.T, level_of_measurement="nominal", value_domain=list(range(len(labels)))))
    else:
        out["krippendorff_alpha"] = None

    complete = m == len(annotators)
    out["fleiss_items"] = int(complete.sum()) if annotators else 0
    if len(annotators) >= 2 and complete.any():
        table, _ = aggregate_raters(matrix[complete].astype(int), n_cat=len(labels))
        out["fleiss_kappa"] = guarded(lambda: fleiss_kappa(table, method="fleiss"))
    else:
        out["fleiss_kappa"] = None

    if len(annotators) >= 2 and len(labels) >= 2 and paired.any():
        frame = pd.DataFrame(matrix, columns=annotators)
        cac = CAC(frame, categories=list(range(len(labels))), digits=20)
        out["gwet_ac1"] = guarded(lambda: cac.gwet()["est"]["coefficient_value"])
        pa = cac.agreement["est"]["pa"]
        assert abs(pa - out["percent_agreement"]) < 1e-12, (pa, out["percent_agreement"])
    else:
        out["gwet_ac1"] = None

    pairs = []
    for x in range(len(annotators)):
        for y in range(x + 1, len(annotators)):
            both = ~np.isnan(matrix[:, x]) & ~np.isnan(matrix[:, y])
            a = matrix[both, x].astype(int)
            b = matrix[both, y].astype(int)
            pair = {"a": annotators[x], "b": annotators[y], "items": int(both.sum())}
            if both.any():
                pair["agreement"] = float((a == b).mean())
                pair["cohen_kappa"] = guarded(lambda: cohen_kappa_score(a, b, labels=list(range(len(labels)))))
                pair["confusion"] = confusion_matrix(a, b, labels=list(range(len(labels)))).tolist()
            else:
                pair["agreement"] = None
                pair["cohen_kappa"] = None
                pair["confusion"] = [[0] * len(labels) for _ in labels]
            pairs.append(pair)
    out["pairs"] = pairs
    return out


# ---------------------------------------------------------------------------------------------
# Cases


def cases():
    out = []
    rng = random.Random(20261121)
    label_pool = ["claim", "quote", "caption", "noise", "opinion"]
    for seed in range(1, 13):
        n_annotators = rng.randint(2, 6)
        n_labels = rng.randint(2, 5)
        labels = DEFAULT_LABELS if n_labels == 4 else label_pool[:n_labels]
        out.append(dict(name="random-%02d" % seed, seed=seed, labels=labels, n_items=rng.randint(25, 80),
                        n_annotators=n_annotators, missing=rng.uniform(0.0, 0.6),
                        adjudicator=seed % 3 == 0, bad_line=seed % 4 == 1))
    # Prevalence skew: one label dominates (the kappa paradox).
    out.append(dict(name="skewed", seed=101, labels=DEFAULT_LABELS, n_items=120, n_annotators=3, missing=0.1,
                    skew=[0.02, 0.02, 0.01, 0.95], noise=0.06))
    # Degenerate: every rating is the same label (alpha, Fleiss, Cohen undefined; AC1 = 1).
    out.append(dict(name="one-label-used", seed=102, labels=DEFAULT_LABELS, n_items=25, n_annotators=3,
                    missing=0.2, single_label="claim"))
    # Degenerate: no item rated by two annotators (everything but the counts is null).
    out.append(dict(name="no-overlap", seed=103, labels=DEFAULT_LABELS, n_items=30, n_annotators=3,
                    missing=0.0, disjoint=True))
    # Degenerate: a single annotator.
    out.append(dict(name="single-annotator", seed=104, labels=DEFAULT_LABELS, n_items=20, n_annotators=1,
                    missing=0.0))
    # Degenerate: no item rated by all six (Fleiss undefined, the rest defined).
    out.append(dict(name="no-complete-item", seed=105, labels=["claim", "quote", "noise"], n_items=40,
                    n_annotators=6, missing=0.75))
    # Two annotators, two labels, no missing ratings: Cohen's kappa and alpha side by side.
    out.append(dict(name="two-by-two", seed=106, labels=["claim", "noise"], n_items=60, n_annotators=2,
                    missing=0.0))
    return out


def write_fixtures():
    if os.path.isdir(FIXTURES):
        shutil.rmtree(FIXTURES)
    os.makedirs(FIXTURES)
    for case in cases():
        folder = os.path.join(FIXTURES, case["name"])
        os.makedirs(folder)
        labels = case["labels"]
        params = {k: v for k, v in case.items() if k not in ("name", "labels", "seed")}
        files = make_case(case["seed"], labels=labels, **params)
        for name, lines in files.items():
            with open(os.path.join(folder, name + ".jsonl"), "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in lines))
        if labels != DEFAULT_LABELS:
            keys = {"claim": "c", "quote": "q", "caption": "p", "noise": "n", "opinion": "o"}
            with open(os.path.join(folder, "labels.json"), "w") as f:
                json.dump({"labels": [{"name": l, "key": keys[l], "description": ""} for l in labels]}, f)
        expected = reference(current_ratings(files), labels)
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump(expected, f, indent=1)
            f.write("\n")
        shown = {k: expected[k] for k in ("items", "percent_agreement", "krippendorff_alpha", "fleiss_kappa",
                                          "fleiss_items", "gwet_ac1")}
        print(case["name"], json.dumps(shown))


def verify(binary):
    worst = 0.0
    compared = 0
    for name in sorted(os.listdir(FIXTURES)):
        folder = os.path.join(FIXTURES, name)
        with open(os.path.join(folder, "expected.json")) as f:
            expected = json.load(f)
        run = subprocess.run([binary, "agreement", "--json", "--annotations", folder], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{name}: exit {run.returncode}: {run.stderr.strip()}")
            worst = math.inf
            continue
        actual = json.loads(run.stdout)

        def compare(path, e, a):
            nonlocal worst, compared
            if isinstance(e, dict):
                for k in e:
                    compare(f"{path}.{k}", e[k], a.get(k, "<missing>") if isinstance(a, dict) else "<missing>")
            elif isinstance(e, list):
                if not isinstance(a, list) or len(a) != len(e):
                    print(f"{name}{path}: expected {e}, got {a}")
                    worst = math.inf
                    return
                for i, (x, y) in enumerate(zip(e, a)):
                    compare(f"{path}[{i}]", x, y)
            elif e is None or a is None or isinstance(e, str):
                if e != a:
                    print(f"{name}{path}: expected {e!r}, got {a!r}")
                    worst = math.inf
            else:
                compared += 1
                if isinstance(a, str):
                    worst = math.inf
                    print(f"{name}{path}: expected {e}, got {a!r}")
                    return
                d = abs(float(e) - float(a))
                worst = max(worst, d)
                if d > 1e-9:
                    print(f"{name}{path}: expected {e}, got {a} (off by {d:.3g})")

        compare("", expected, actual)
    print(f"{compared} numbers compared; largest deviation {worst:.3g}")
    return 0 if worst <= 1e-9 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verify", metavar="SENTAG", help="compare `SENTAG agreement --json` with the fixtures")
    args = parser.parse_args()
    if args.verify:
        sys.exit(verify(args.verify))
    write_fixtures()
