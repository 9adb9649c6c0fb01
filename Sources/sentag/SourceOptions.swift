import ArgumentParser

/// `[SOURCE…]`: article files or folders; `seeds` when none are given.
struct SourceArguments: ParsableArguments {
    @Argument(help: "Article files (.txt, .jsonl) or folders of them.", completion: .file())
    var sources: [String] = []

    var resolved: [String] { sources.isEmpty ? ["seeds"] : sources }
}

/// `--annotations DIR`: where the label files live.
struct AnnotationsOption: ParsableArguments {
    @Option(name: .long, help: "The folder of label files.", completion: .directory)
    var annotations: String = "Annotations"
}
