import ArgumentParser
import SentagKit

/// `[SOURCE…]`: article files or folders; `seeds` when none are given.
struct SourceArguments: ParsableArguments {
    @Argument(help: "Article files (.txt, .jsonl) or folders of them.", completion: .file())
    var sources: [String] = []

    var resolved: [String] { sources.isEmpty ? ["seeds"] : sources }

    /// The sources given, else the sources of the store's plan (`sentag plan`), else `seeds`.
    func resolved(planIn store: any JournalStore) throws -> [String] {
        guard sources.isEmpty, let plan = try PlanDocument.read(from: store)?.plan else { return resolved }
        return plan.sources
    }
}

/// `--annotations DIR|URI`: where the journals live.
struct AnnotationsOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder of journals, or a postgresql:// URI (default: $SENTAG_ANNOTATIONS, else Annotations).",
            valueName: "DIR|URI"),
        completion: .directory)
    var annotations: String?

    /// The folder (or database URI) named, or the default.
    var location: String {
        if let annotations { return annotations }
        if let fromEnvironment = ProcessEnvironment.current["SENTAG_ANNOTATIONS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "Annotations"
    }

    /// The store at `location`.
    func store() throws -> any JournalStore {
        try StoreLocation.open(location)
    }
}
