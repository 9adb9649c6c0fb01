"""The Python half of `make interop` (see Scripts/interop.sh).

    interop_check.py keys SENTENCES.jsonl ANNOTATOR   input lines for `sentag label`
    interop_check.py review-keys AGREEMENT.json       input lines for `sentag review`
    interop_check.py check WORK                       load every export in WORK/export-<format>

`check` prints one line per check and ends with 'N passed, M failed'; it exits 1 on a failure.
"""
import collections
import csv
import json
import os
import pathlib
import random
import re
import subprocess
import sys

KEYS = {"claim": "c", "quote": "q", "caption": "p", "noise": "n"}
FORMATS = ["jsonl", "csv", "spacy", "fasttext", "prodigy"]


# -- the scripted labeling ------------------------------------------------------------------------

def rule(text):
    """What a careful annotator would say, roughly."""
    if re.search(r"\((Photo|Picture|Image)|\bpictured\b|^This is still from|^(Picture|Photo|Image):", text):
        return "caption"
    if re.search(r"[“”\"]|(^|\s)‘|’($|\s)", text):
        return "quote"
    if len(text) < 45 or re.search(r"(Sign up|newsletter|Read more|email|Topics|correction|Ctrl)", text, re.I):
        return "noise"
    return "claim"


def keys(sentences_path, annotator):
    """One REPL line per sentence, in the order `sentag label` shows them (document order)."""
    rng = random.Random(annotator)
    lines = []
    for n, line in enumerate(open(sentences_path, encoding="utf-8")):
        sentence = json.loads(line)
        label = rule(sentence["text"])
        if rng.random() < 0.12:  # annotators part ways now and then
            label = rng.choice(sorted(KEYS))
        if annotator == "bob" and n % 17 == 5:
            lines += [f":note unsure between {label} and claim (sentence {sentence['index'] + 1})", ":flag"]
        lines.append(KEYS[label])
    print("\n".join(lines))


def review_keys(agreement_path):
    """The majority of each disagreement (the first annotator's label on a tie), in document order."""
    report = json.load(open(agreement_path, encoding="utf-8"))
    for item in report["disagreements"]:
        votes = list(item["labels"].values())
        counts = collections.Counter(votes)
        top = max(counts.values())
        print(KEYS[next(label for label in votes if counts[label] == top)])


# -- the checks -----------------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {what}")
        else:
            self.failed += 1
            print(f"FAIL  {what}{': ' + str(detail) if detail else ''}")
        return ok


def json_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def folded(text):
    return " ".join(text.split())


def check_datasets(check, folder, manifest, reference):
    """load_dataset(DIR) as a user would: the card's header gives the files and the label ids."""
    import datasets

    loaded = datasets.load_dataset(str(folder))
    splits = {"train": "train", "dev": "validation", "test": "test"}
    expected = {splits[name]: info for name, info in manifest["splits"].items() if info["examples"] > 0}
    fmt = manifest["format"]
    check(sorted(loaded) == sorted(expected), f"{fmt}: load_dataset gives the splits {sorted(expected)}", sorted(loaded))
    for name, info in expected.items():
        split = loaded[name]
        feature = split.features["label"]
        check(
            isinstance(feature, datasets.ClassLabel) and feature.names == manifest["labels"],
            f"{fmt}: {name}.features['label'] is ClassLabel({manifest['labels']})",
            feature,
        )
        check(split.num_rows == info["examples"], f"{fmt}: {name} has {info['examples']} rows", split.num_rows)
        check(split["label"] == split["label_id"], f"{fmt}: {name}: label ids equal label_id in every row")
        original = reference[info["file"].rsplit(".", 1)[0]]
        names = [feature.int2str(i) for i in split["label"]]
        check(
            names == [line["label"] for line in original] and split["text"] == [line["text"] for line in original]
            and split["id"] == [line["id"] for line in original] and split["doc"] == [line["doc"] for line in original],
            f"{fmt}: {name}: ids, docs, texts and labels as in the jsonl export",
        )


def class_encode_without_card(folder):
    """What users got before the card had a header: each split numbered its own labels."""
    import datasets

    files = {"train": str(folder / "train.jsonl"), "validation": str(folder / "dev.jsonl")}
    loaded = datasets.load_dataset("json", data_files=files)
    return {name: loaded[name].class_encode_column("label").features["label"].names for name in loaded}


def check_pandas(check, work, manifest, reference):
    import pandas

    for name, info in manifest["splits"].items():
        original = reference[name]
        frame = pandas.read_csv(
            work / "export-csv" / f"{name}.csv", dtype={"id": str, "doc": str, "text": str},
            keep_default_na=False, na_values=[""],
        )
        check(
            list(frame["id"]) == [line["id"] for line in original]
            and list(frame["text"]) == [line["text"] for line in original]
            and list(frame["label"]) == [line["label"] for line in original]
            and [manifest["labels"][i] for i in frame["label_id"]] == list(frame["label"]),
            f"csv: pandas.read_csv({name}.csv): {len(frame)} rows, ids, texts, labels and label_id as in jsonl",
        )
        text = pandas.read_csv(
            work / "export-fasttext" / f"{name}.txt", sep="\t", header=None, names=["line"], quoting=csv.QUOTE_NONE,
            keep_default_na=False, dtype=str,
        )
        parts = text["line"].str.split(" ", n=1, expand=True) if len(text) else None
        labels = [] if parts is None else [tag[len("__label__"):] for tag in parts[0]]
        texts = [] if parts is None else list(parts[1])
        check(
            labels == [line["label"] for line in original] and texts == [folded(line["text"]) for line in original],
            f"fasttext: pandas.read_csv({name}.txt, sep='\\t'): {len(text)} lines, labels and folded texts as in jsonl",
        )


def check_prodigy(check, work, manifest, reference):
    for name in manifest["splits"]:
        lines = json_lines(work / "export-prodigy" / f"{name}.jsonl")
        original = reference[name]
        check(
            [line["accept"] for line in lines] == [[line["label"]] for line in original]
            and all([option["id"] for option in line["options"]] == manifest["labels"] for line in lines)
            and all(line["answer"] == "accept" for line in lines),
            f"prodigy: {name}.jsonl: {len(lines)} accepted choice tasks, labels as in jsonl",
        )


def docbin_contents(folder, split):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docs = DocBin().from_disk(folder / f"{split}.spacy").get_docs(nlp.vocab)
    return [(doc.text, [token.text for token in doc], doc.cats) for doc in docs]


def check_spacy(check, work, manifest, python):
    folder = work / "export-spacy"
    environment = dict(os.environ, ANSI_COLORS_DISABLED="1")  # wasabi's switch for spaCy's colours

    def run(args, cwd=folder):
        done = subprocess.run([python] + args, cwd=cwd, capture_output=True, text=True, env=environment)
        done.stdout = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)  # the bold headings it still makes
        return done

    for fmt in FORMATS:
        converted = run(["to_docbin.py"], cwd=work / f"export-{fmt}")
        written = ", ".join(converted.stdout.strip().splitlines())
        check(converted.returncode == 0, f"{fmt}: to_docbin.py: {written}", converted.stderr[-2000:])
    for split in manifest["splits"]:
        contents = docbin_contents(folder, split)
        labels = manifest["labels"]
        check(
            all(sorted(cats) == sorted(labels) and sorted(cats.values()) == [0.0] * (len(labels) - 1) + [1.0]
                for _, _, cats in contents),
            f"spacy: {split}.spacy: {len(contents)} docs, each with one of {labels} at 1.0",
        )
        for fmt in ["jsonl", "csv", "prodigy"]:
            check(
                docbin_contents(work / f"export-{fmt}", split) == contents,
                f"{fmt}: to_docbin.py gives the same {split}.spacy as the spacy export (texts, tokens, cats)",
            )
        folded_contents = [(folded(text), cats) for text, _, cats in contents]
        check(
            [(text, cats) for text, _, cats in docbin_contents(work / "export-fasttext", split)] == folded_contents,
            f"fasttext: to_docbin.py gives the same {split}.spacy (texts folded onto one line)",
        )
    config = run(["-m", "spacy", "debug", "config", "config.cfg"])
    print(config.stdout.strip().splitlines()[-1] if config.stdout.strip() else config.stderr[-500:])
    check(config.returncode == 0, "spacy debug config config.cfg", config.stdout[-1500:] + config.stderr[-1500:])
    data = run(["-m", "spacy", "debug", "data", "config.cfg"])
    print("\n".join("      " + line for line in data.stdout.rstrip().splitlines()))
    failures = [line for line in data.stdout.splitlines() if line.lstrip().startswith("✘")]
    check(
        data.returncode == 0 and "Corpus is loadable" in data.stdout and not failures,
        "spacy debug data config.cfg: loadable, no error",
        failures or data.stderr[-1500:],
    )
    check(
        f"Text Classification: {len(manifest['labels'])} label(s)" in data.stdout
        and "Text Classification (Exclusive Classes)" in data.stdout,
        f"spacy debug data: an exclusive-class textcat with {len(manifest['labels'])} labels",
    )
    model = work / "spacy-model"
    train = run([
        "-m", "spacy", "train", "config.cfg", "--output", str(model.resolve()), "--training.max_steps", "40",
        "--training.eval_frequency", "20",
    ])
    print("\n".join("      " + line for line in train.stdout.rstrip().splitlines()[-6:]))
    check(train.returncode == 0 and (model / "model-best").is_dir(), "spacy train config.cfg (40 steps)",
          train.stderr[-2000:])
    if train.returncode == 0:
        import spacy

        nlp = spacy.load(model / "model-best")
        cats = nlp("The minister said prices would rise.").cats
        check(sorted(cats) == sorted(manifest["labels"]), f"the trained model scores the labels: {cats}")


def check_all(work):
    work = pathlib.Path(work)
    check = Checks()
    manifests = {fmt: json.load(open(work / f"export-{fmt}" / "manifest.json", encoding="utf-8")) for fmt in FORMATS}
    manifest = manifests["jsonl"]
    print(f"labels {manifest['labels']}; " + ", ".join(
        f"{name} {info['examples']} ({info['labels']})" for name, info in manifest["splits"].items()))
    for warning in manifest["warnings"]:
        print(f"      manifest warning: {warning}")
    reference = {name: json_lines(work / "export-jsonl" / info["file"]) for name, info in manifest["splits"].items()}
    check(
        all(m["labels"] == manifest["labels"] and m["splits"].keys() == manifest["splits"].keys()
            and all(m["splits"][s]["examples"] == manifest["splits"][s]["examples"] for s in m["splits"])
            for m in manifests.values()),
        "every format: the same labels and split sizes in the manifest",
    )
    check(
        all(line["label_id"] == manifest["labels"].index(line["label"]) for lines in reference.values() for line in lines),
        "jsonl: label_id is the label's position in the manifest's labels",
    )
    before = class_encode_without_card(work / "export-jsonl")
    print(f"      (without the card: class_encode_column numbers each split's own labels: {before})")
    for fmt in ["jsonl", "csv"]:
        try:
            check_datasets(check, work / f"export-{fmt}", manifests[fmt], reference)
        except Exception as error:  # a loader that raises is a failed check, not a crash
            check(False, f"{fmt}: load_dataset", repr(error))
    for fmt in ["spacy", "prodigy", "fasttext"]:
        import datasets

        try:
            loaded = datasets.load_dataset(str(work / f"export-{fmt}"))
            check(sum(split.num_rows for split in loaded.values()) == manifest["examples"],
                  f"{fmt}: load_dataset reads {manifest['examples']} rows from the files the card names")
        except Exception as error:
            check(False, f"{fmt}: load_dataset", repr(error))
    check_pandas(check, work, manifest, reference)
    check_prodigy(check, work, manifest, reference)
    check_spacy(check, work, manifest, sys.executable)
    print(f"interop: {check.passed} passed, {check.failed} failed")
    return check.failed == 0


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "keys":
        keys(*arguments)
    elif command == "review-keys":
        review_keys(*arguments)
    elif command == "check":
        sys.exit(0 if check_all(*arguments) else 1)
    else:
        sys.exit(__doc__)
