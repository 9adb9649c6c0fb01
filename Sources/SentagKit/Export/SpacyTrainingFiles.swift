/// What an export writes beside its data so that spaCy can train on it: `config.cfg`, a text
/// classifier with exclusive classes and the exported labels, and `to_docbin.py`, which turns
/// the split files into the `.spacy` (DocBin) files `spacy train` reads.
///
/// spaCy trains from `Doc`s made by its own tokenizer, so the export cannot hand it JSON lines;
/// the converter tokenizes with `spacy.blank("en")` and sets `doc.cats` (1.0 for the label, 0.0
/// for the others). It reads `manifest.json` for the format, the split files and the labels, so
/// it works for every `--format`. The config is spaCy 3's `init config -p textcat` (bag of words,
/// no vectors, CPU), with the paths set to the converter's output and the labels fixed in
/// `[initialize]`, so a label missing from the training data is still one of the model's classes.
///
/// The model goes beside the export folder, not into it: exporting again replaces the folder
/// whole, and refuses to while it holds anything an export does not write.
public enum SpacyTrainingFiles {
    public static let configName = "config.cfg"
    public static let converterName = "to_docbin.py"
    /// What the converter writes into the export folder (an export replaces them).
    public static let converterOutputs = DatasetSplit.allCases.map { "\($0.name).spacy" }

    /// The two commands, run in the export folder `folder` (its path as given to `--out`).
    public static func commands(folder: String) -> [String] {
        ["python \(converterName)", "python -m spacy train \(configName) --output ../\(modelFolder(folder))"]
    }

    /// `dataset-model` for `out/dataset`: where the card's training command puts the model.
    static func modelFolder(_ folder: String) -> String {
        let name = folder.split(separator: "/").last.map(String.init) ?? ""
        return (name.isEmpty || name == "." || name == ".." ? "dataset" : name) + "-model"
    }

    /// `config.cfg` for `labels`, in order, in the export folder `folder`.
    public static func configuration(labels: [String], folder: String) -> String {
        let list = "[" + labels.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let commands = commands(folder: folder)
        return """
            # Written by sentag export: a spaCy text classifier with exclusive classes.
            # In this folder, make the .spacy files first: \(commands[0])
            # then train:                                  \(commands[1])

            [paths]
            train = "train.spacy"
            dev = "dev.spacy"
            vectors = null
            init_tok2vec = null

            [system]
            gpu_allocator = null
            seed = 0

            [nlp]
            lang = "en"
            pipeline = ["textcat"]
            batch_size = 1000
            disabled = []
            before_creation = null
            after_creation = null
            after_pipeline_creation = null

            [nlp.tokenizer]
            @tokenizers = "spacy.Tokenizer.v1"

            [components]

            [components.textcat]
            factory = "textcat"
            threshold = 0.0

            [components.textcat.model]
            @architectures = "spacy.TextCatBOW.v3"
            exclusive_classes = true
            ngram_size = 1
            no_output_layer = false
            length = 262144
            nO = null

            [components.textcat.scorer]
            @scorers = "spacy.textcat_scorer.v2"

            [corpora]

            [corpora.train]
            @readers = "spacy.Corpus.v1"
            path = ${paths.train}
            max_length = 0
            gold_preproc = false
            limit = 0
            augmenter = null

            [corpora.dev]
            @readers = "spacy.Corpus.v1"
            path = ${paths.dev}
            max_length = 0
            gold_preproc = false
            limit = 0
            augmenter = null

            [training]
            dev_corpus = "corpora.dev"
            train_corpus = "corpora.train"
            seed = ${system.seed}
            gpu_allocator = ${system.gpu_allocator}
            dropout = 0.1
            accumulate_gradient = 1
            patience = 1600
            max_epochs = 0
            max_steps = 20000
            eval_frequency = 200
            frozen_components = []
            annotating_components = []
            before_to_disk = null
            before_update = null

            [training.batcher]
            @batchers = "spacy.batch_by_words.v1"
            discard_oversize = false
            tolerance = 0.2
            get_length = null

            [training.batcher.size]
            @schedules = "compounding.v1"
            start = 100
            stop = 1000
            compound = 1.001
            t = 0.0

            [training.logger]
            @loggers = "spacy.ConsoleLogger.v1"
            progress_bar = false

            [training.optimizer]
            @optimizers = "Adam.v1"
            beta1 = 0.9
            beta2 = 0.999
            L2_is_weight_decay = true
            L2 = 0.01
            grad_clip = 1.0
            use_averages = false
            eps = 1e-08
            learn_rate = 0.001

            [training.score_weights]
            cats_score = 1.0

            [pretraining]

            [initialize]
            vectors = ${paths.vectors}
            init_tok2vec = ${paths.init_tok2vec}
            vocab_data = null
            lookups = null
            before_init = null
            after_init = null

            [initialize.components]

            [initialize.components.textcat]
            labels = \(list)
            positive_label = null

            [initialize.tokenizer]

            """
    }

    /// `to_docbin.py`.
    public static let converter = #"""
        """Turn this export's split files into spaCy DocBin files: train.spacy, dev.spacy, test.spacy.

        Written by sentag export. Run it in the export folder, then train (the model beside the folder,
        which the next export replaces whole):

            python to_docbin.py
            python -m spacy train config.cfg --output ../model

        Every --format works: the manifest says which files to read and which labels there are.
        Texts are tokenized with spaCy's own English tokenizer (spacy.blank("en")); doc.cats is 1.0
        for the example's label and 0.0 for the other labels, as a textcat with exclusive classes needs.
        """
        import csv
        import json
        import pathlib
        import sys

        import spacy
        from spacy.tokens import DocBin

        HERE = pathlib.Path(__file__).resolve().parent


        def examples(path, fmt):
            """(text, label) of every example of one split file."""
            with open(path, encoding="utf-8", newline="") as f:
                if fmt == "csv":
                    for row in csv.DictReader(f):
                        yield row["text"], row["label"]
                    return
                for line in f:
                    if not line.strip():
                        continue
                    if fmt == "fasttext":
                        tag, _, text = line.rstrip("\r\n").partition(" ")
                        yield text, tag[len("__label__"):]
                        continue
                    record = json.loads(line)
                    if fmt == "spacy":
                        label = max(record["cats"], key=record["cats"].get)
                    elif fmt == "prodigy":
                        label = record["accept"][0]
                    else:
                        label = record["label"]
                    yield record["text"], label


        def main():
            manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
            labels, fmt = manifest["labels"], manifest["format"]
            nlp = spacy.blank("en")
            for split, summary in manifest["splits"].items():
                pairs = list(examples(HERE / summary["file"], fmt))
                unknown = sorted({label for _, label in pairs} - set(labels))
                if unknown:
                    sys.exit(f"{summary['file']}: labels {unknown} are not in the manifest's {labels}")
                docs = DocBin()
                for doc, (_, label) in zip(nlp.tokenizer.pipe(text for text, _ in pairs), pairs):
                    doc.cats = {name: 1.0 if name == label else 0.0 for name in labels}
                    docs.add(doc)
                docs.to_disk(HERE / f"{split}.spacy")
                print(f"{split}.spacy: {len(docs)} docs")


        if __name__ == "__main__":
            main()

        """#
}
