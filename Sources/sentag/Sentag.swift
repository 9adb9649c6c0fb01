import ArgumentParser
import SentagKit

/// The root command: `sentag <subcommand>`.
struct Sentag: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sentag",
        abstract: "Label the sentences of news articles: claim, quote, caption, noise.",
        discussion: """
            Start with 'sentag label' to label the articles in seeds/. Decisions are appended to \
            Annotations/<annotator>.jsonl the moment they are made. Then 'sentag agreement' shows \
            how far annotators agree, 'sentag review' settles their disagreements and \
            'sentag export' writes the training dataset.
            """,
        version: version,
        subcommands: [
            Label.self, Segment.self, Agreement.self, Review.self, Export.self, Stats.self, Store.self,
            PlanCommand.self, Suggest.self, Check.self, Duplicates.self,
        ]
    )
}
