import ArgumentParser

extension Sentag {
    /// `sentag store`: chores of the label store itself.
    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set up a PostgreSQL label store, or copy a store into another.",
            discussion: """
                The label store is a folder of journals (the default, Annotations/) or a PostgreSQL \
                database given as a postgresql:// URI.
                """,
            subcommands: [Init.self, Copy.self]
        )
    }
}
