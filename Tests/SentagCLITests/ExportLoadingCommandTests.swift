import Foundation
import Testing

/// What makes an export load the same way in every library (issue 10, items 13 and 14): one
/// `label_id` per example, the dataset card's YAML header, and the spaCy files beside the data.
@Suite struct ExportLoadingCommandTests {
    func export(_ scenario: ExportScenario, _ extra: [String], out: String = "dataset") throws -> ExportedDataset {
        let result = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", out] + extra, in: scenario.directory)
        #expect(result.status == 0, "\(result.transcript)")
        return ExportedDataset(directory: scenario.directory.appendingPathComponent(out))
    }

    /// The YAML between the card's two `---` lines.
    func header(_ dataset: ExportedDataset) throws -> String {
        let card = try dataset.text("README.md")
        #expect(card.hasPrefix("---\nconfigs:\n- config_name: default\n"), "\(card.prefix(300))")
        let parts = card.components(separatedBy: "\n---\n")
        return try #require(parts.count >= 2 ? String(parts[0].dropFirst(4)) : nil, "\(card.prefix(300))")
    }

    @Test func everyExampleHasTheLabelIDOfTheManifestsOrder() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        // Without noise the ids are claim 0, quote 1, caption 2 in every split.
        let dataset = try export(scenario, ["--drop", "noise", "--seed", "3"])
        let labels = try #require(try dataset.manifest["labels"] as? [String])
        #expect(labels == ["claim", "quote", "caption"], "\(labels)")
        var seen: Set<Int> = []
        for split in ["train", "dev", "test"] {
            for line in try dataset.jsonLines("\(split).jsonl") {
                let id = try #require(line["label_id"] as? Int, "\(line)")
                #expect(labels[id] == line["label"] as? String, "\(line)")
                seen.insert(id)
            }
        }
        #expect(seen == [0, 1, 2], "\(seen)")
        let csv = try export(scenario, ["--drop", "noise", "--seed", "3", "--format", "csv"], out: "csv")
        let rows = ExportedDataset.parseCSV(try csv.text("train.csv"))
        let column = try #require(rows.first?.firstIndex(of: "label_id"), "\(rows.first ?? [])")
        #expect(rows.dropFirst().allSatisfy { labels[Int($0[column])!] == $0[4] }, "\(rows.prefix(3))")
    }

    @Test func theCardHeaderDeclaresTheSplitFilesAndAClassLabel() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let dataset = try export(scenario, ["--soft"])
        let yaml = try header(dataset)
        for expected in [
            "  data_files:\n  - split: train\n    path: train.jsonl\n  - split: validation\n    path: dev.jsonl\n"
                + "  - split: test\n    path: test.jsonl\n",
            "    - name: label\n      dtype:\n        class_label:\n          names:\n            '0': 'claim'\n"
                + "            '1': 'quote'\n            '2': 'caption'\n            '3': 'noise'\n",
            "dataset_info:\n  features:\n  - name: 'id'\n    dtype: string\n",
            "  - name: label\n    dtype:\n      class_label:\n        names:\n          '0': 'claim'\n",
            "  - name: votes\n    struct:\n    - name: 'alice'\n      dtype: string\n    - name: 'bob'\n",
            "  - name: soft\n    struct:\n    - name: 'claim'\n      dtype: float64\n",
            "  - name: 'label_id'\n    dtype: int64\n",
        ] {
            #expect(yaml.contains(expected), "missing\n\(expected)\nin\n\(yaml)")
        }
        let card = try dataset.text("README.md")
        #expect(card.contains("datasets.load_dataset(\"dataset\")"), "\(card)")
    }

    /// With PyYAML at hand, the header is read as YAML: the config's features and
    /// `dataset_info`'s are the same, and the names are strings whatever they look like.
    @Test(.enabled(if: PythonScript.canImport("yaml")))
    func theCardHeaderIsYAMLThatSaysTheSameTwice() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let dataset = try export(scenario, ["--format", "csv"])
        let script = """
            import json, sys, yaml
            card = open(sys.argv[1], encoding="utf-8").read()
            header = yaml.safe_load(card.split("\\n---\\n")[0][4:])
            config = header["configs"][0]
            print(json.dumps({
                "files": config["data_files"], "same": config["features"] == header["dataset_info"]["features"],
                "names": [f["dtype"]["class_label"]["names"] for f in config["features"] if f["name"] == "label"][0],
                "na": [config["keep_default_na"], config["na_values"]],
            }))
            """
        let output = try PythonScript.run(script, [dataset.url("README.md").path])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect(
            object["files"] as? [[String: String]] == [
                ["split": "train", "path": "train.csv"], ["split": "validation", "path": "dev.csv"],
                ["split": "test", "path": "test.csv"],
            ], "\(object)")
        #expect(object["same"] as? Bool == true, "\(object)")
        #expect(object["names"] as? [String: String] == ["0": "claim", "1": "quote", "2": "caption", "3": "noise"])
        #expect((object["na"] as? [Any])?.first as? Bool == false, "\(object)")
    }

    @Test func anEmptySplitIsLeftOutOfTheConfig() throws {
        let scenario = try ExportScenario(documents: 2)
        defer { scenario.remove() }
        let yaml = try header(try export(scenario, []))
        #expect(yaml.contains("  - split: train\n") && !yaml.contains("split: validation"), "\(yaml)")
    }

    @Test func theSpacyConfigHasExclusiveClassesAndTheExportedLabels() throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let dataset = try export(scenario, ["--drop", "caption", "--format", "spacy"], out: "out/spacy-data")
        let config = try dataset.text("config.cfg")
        for expected in [
            "[components.textcat]\nfactory = \"textcat\"", "exclusive_classes = true",
            "[initialize.components.textcat]\nlabels = [\"claim\", \"quote\", \"noise\"]",
            "train = \"train.spacy\"\ndev = \"dev.spacy\"", "--output ../spacy-data-model",
        ] {
            #expect(config.contains(expected), "missing '\(expected)' in\n\(config)")
        }
        let sums = try #require(try dataset.manifest["sha256"] as? [String: String])
        #expect(sums["config.cfg"] != nil && sums["to_docbin.py"] != nil, "\(sums)")
        let card = try dataset.text("README.md")
        #expect(
            card.contains(
                "```sh\ncd out/spacy-data\npython to_docbin.py\npython -m spacy train config.cfg --output ../spacy-data-model\n```"
            ),
            "\(card)")
    }

    /// `to_docbin.py` against a stand-in for spaCy (a `spacy` module that records what it is
    /// given), for every format: the same texts and one-hot `cats` as the jsonl export.
    @Test(.enabled(if: PythonScript.available), arguments: ["jsonl", "spacy", "fasttext", "csv", "prodigy"])
    func theConverterReadsEveryFormat(format: String) throws {
        let scenario = try ExportScenario()
        defer { scenario.remove() }
        let reference = try export(scenario, ["--seed", "2"], out: "reference")
        let dataset = try export(scenario, ["--seed", "2", "--format", format])
        let stub = scenario.directory.appendingPathComponent("stub/spacy")
        try FileManager.default.createDirectory(
            at: stub.appendingPathComponent("tokens"), withIntermediateDirectories: true)
        try """
        import types
        class Doc:
            def __init__(self, text): self.text, self.cats = text, {}
        def blank(lang):
            assert lang == "en"
            return types.SimpleNamespace(tokenizer=types.SimpleNamespace(pipe=lambda texts: (Doc(t) for t in texts)))
        """.write(to: stub.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        try """
        import json
        class DocBin:
            def __init__(self): self.docs = []
            def add(self, doc): self.docs.append({"text": doc.text, "cats": doc.cats})
            def __len__(self): return len(self.docs)
            def to_disk(self, path):
                with open(path, "w", encoding="utf-8") as f: json.dump(self.docs, f)
        """.write(to: stub.appendingPathComponent("tokens/__init__.py"), atomically: true, encoding: .utf8)
        let output = try PythonScript.run(
            file: dataset.url("to_docbin.py").path, in: dataset.directory,
            environment: ["PYTHONPATH": stub.deletingLastPathComponent().path])
        #expect(output.contains("train.spacy: ") && output.contains("test.spacy: "), "\(output)")
        let labels = ["claim", "quote", "caption", "noise"]
        for split in ["train", "dev", "test"] {
            let docs = try #require(
                try JSONSerialization.jsonObject(with: dataset.bytes("\(split).spacy")) as? [[String: Any]])
            let want = try reference.jsonLines("\(split).jsonl")
            #expect(docs.count == want.count, "\(split)")
            for (doc, line) in zip(docs, want) {
                var text = line["text"] as! String
                if format == "fasttext" {
                    text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                }
                #expect(doc["text"] as? String == text, "\(doc) vs \(line)")
                let cats = labels.map { ($0, $0 == line["label"] as? String ? 1.0 : 0.0) }
                #expect(doc["cats"] as? [String: Double] == Dictionary(uniqueKeysWithValues: cats), "\(doc)")
            }
        }
        // What the converter wrote may stay in the folder: the next export replaces it.
        let again = try SentagBinary.run(
            ["export", ExportScenario.source, "--out", "dataset", "--seed", "2"], in: scenario.directory)
        #expect(again.status == 0, "\(again.transcript)")
    }
}

/// Runs `python3` for the tests that check the Python files an export writes.
enum PythonScript {
    static var available: Bool { (try? run("print('ok')")) == "ok\n" }

    static func canImport(_ module: String) -> Bool { (try? run("import \(module)\nprint('ok')")) == "ok\n" }

    /// Runs `code` with `arguments`; returns standard output, throwing on a non-zero exit.
    static func run(_ code: String, _ arguments: [String] = []) throws -> String {
        try launch(["-c", code] + arguments, in: nil, environment: [:])
    }

    /// Runs the script `file` in `directory`.
    static func run(file: String, in directory: URL, environment: [String: String]) throws -> String {
        try launch([file], in: directory, environment: environment)
    }

    private static func launch(_ arguments: [String], in directory: URL?, environment: [String: String]) throws
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errThread.isFinished { usleep(1000) }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad,
                userInfo: [
                    NSDebugDescriptionErrorKey:
                        "python3 exited \(process.terminationStatus): \(String(decoding: errData, as: UTF8.self))\(text)"
                ])
        }
        return text
    }
}
